/**
 * The text-analysis module's database handle: core's tables and its own. Feedback's tables are
 * not in it: open texts are read, and the summary written, through feedback's index only.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { TextanalysisTables } from './textanalysis.tables';

type Tables = CoreTables & TextanalysisTables;
export type TextanalysisDb = Kysely<Tables>;
export type TextanalysisTx = Transaction<Tables>;
export type TextanalysisExecutor = TextanalysisDb | TextanalysisTx;
