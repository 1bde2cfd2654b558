/**
 * The impact tracker's database handle: core's tables and its own. The composition root's full
 * handle is assignable to it, so callers pass theirs unchanged.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { ImpactTables } from './impact.tables';

type Tables = CoreTables & ImpactTables;
export type ImpactDb = Kysely<Tables>;
export type ImpactTx = Transaction<Tables>;
export type ImpactExecutor = ImpactDb | ImpactTx;
