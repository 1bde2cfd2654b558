/**
 * The councils module's database handle: core's tables, the pool's (members are recruited from it
 * through the pool's index; the foreign keys point at pool_member) and its own. The composition
 * root's full handle is assignable to it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { PoolTables } from '../pool';
import type { FeesTables } from '../fees';
import type { CouncilsTables } from './councils.tables';

type Tables = CoreTables & PoolTables & FeesTables & CouncilsTables;
export type CouncilsDb = Kysely<Tables>;
export type CouncilsTx = Transaction<Tables>;
export type CouncilsExecutor = CouncilsDb | CouncilsTx;
