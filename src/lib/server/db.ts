/**
 * The database type of the whole portal: core's tables and every module's. Part of the
 * composition root (with modules.ts and runtime.ts): core and the modules each type their own
 * handle narrower (`Kysely<CoreTables>`, `<module>.db.ts`), and this full one is assignable to
 * all of them. A module that adds tables adds its `<Module>Tables` here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from './core/db/core.tables';
import type { PoolTables } from './pool';
import type { ConversationsTables } from './conversations';
import type { FeedbackTables } from './feedback';
import type { ImpactTables } from './impact';
import type { FeesTables } from './fees';
import type { ExpertsTables } from './experts';
import type { PanelsTables } from './panels';
import type { TextanalysisTables } from './textanalysis';
import type { CouncilsTables } from './councils';

export type DB = CoreTables &
	PoolTables &
	ConversationsTables &
	FeedbackTables &
	ImpactTables &
	FeesTables &
	ExpertsTables &
	PanelsTables &
	TextanalysisTables &
	CouncilsTables;
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Executor = Db | Tx;
