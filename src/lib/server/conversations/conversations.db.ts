/**
 * The conversations module's database handle: core's tables and its own. The composition root's full
 * handle is assignable to it, so callers pass theirs unchanged.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { ConversationsTables } from './conversations.tables';

type Tables = CoreTables & ConversationsTables;
export type ConversationsDb = Kysely<Tables>;
export type ConversationsTx = Transaction<Tables>;
/** The root handle or a transaction: the caller owns the transaction. */
export type ConversationsExecutor = ConversationsDb | ConversationsTx;
