/**
 * The feedback module's database handle: core's tables and its own. The composition root's full
 * handle is assignable to it, so callers pass theirs unchanged.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { FeedbackTables } from './feedback.tables';

type Tables = CoreTables & FeedbackTables;
export type FeedbackDb = Kysely<Tables>;
export type FeedbackTx = Transaction<Tables>;
/** The root handle or a transaction: the caller owns the transaction. */
export type FeedbackExecutor = FeedbackDb | FeedbackTx;
