/**
 * The panels module's database handle: core's tables and its own. The composition root's full
 * handle is assignable to it, so callers pass theirs unchanged.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { PanelsTables } from './panels.tables';

type Tables = CoreTables & PanelsTables;
export type PanelsDb = Kysely<Tables>;
export type PanelsTx = Transaction<Tables>;
export type PanelsExecutor = PanelsDb | PanelsTx;
