/**
 * The fees module's database handle: core's tables and its own. The composition root's full
 * handle is assignable to it, so callers (councils, panels, experts) pass theirs unchanged.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { FeesTables } from './fees.tables';

type Tables = CoreTables & FeesTables;
export type FeesDb = Kysely<Tables>;
export type FeesTx = Transaction<Tables>;
export type FeesExecutor = FeesDb | FeesTx;
