/**
 * The experts module's database handle: core's tables and its own. The composition root's full
 * handle is assignable to it, so callers pass theirs unchanged.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { FeesTables } from '../fees';
import type { ExpertsTables } from './experts.tables';

/** Fees are recorded on the shared schedule (the fees module), in the assignment's transaction. */
type Tables = CoreTables & FeesTables & ExpertsTables;
export type ExpertsDb = Kysely<Tables>;
export type ExpertsTx = Transaction<Tables>;
export type ExpertsExecutor = ExpertsDb | ExpertsTx;
