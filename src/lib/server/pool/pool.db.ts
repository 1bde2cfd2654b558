/**
 * The pool module's database handle: core's tables and its own. The composition root's full
 * handle is assignable to it, so callers pass theirs unchanged.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { PoolTables } from './pool.tables';

type Tables = CoreTables & PoolTables;
export type PoolDb = Kysely<Tables>;
export type PoolTx = Transaction<Tables>;
/** The root handle or a transaction: the caller owns the transaction. */
export type PoolExecutor = PoolDb | PoolTx;
