/**
 * The database type: the union of every module's tables. A module that adds a migration adds
 * its `<module>.tables.ts` here, so queries stay typed end to end.
 */
import type { CoreTables } from './core.tables';
import type { PoolTables } from '../../pool/pool.tables';
import type { ConversationsTables } from '../../conversations/conversations.tables';
import type { FeedbackTables } from '../../feedback/feedback.tables';

export type DB = CoreTables & PoolTables & ConversationsTables & FeedbackTables;
