/** Table types for migrations/2026-11-25T1300_conversations.ts and 2026-12-01T1100_conversation_xid.ts. */
import type { Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';

export interface ConversationTable {
	id: Generated<string>;
	topic: string;
	description: Generated<string>;
	languages: Generated<string[]>;
	status: Generated<'open' | 'closed'>;
	allow_statements: Generated<boolean>;
	allow_anonymous: Generated<boolean>;
	moderation: Generated<'pre' | 'post'>;
	/** Signed external ids (XID links) are accepted only when the moderator turns this on. */
	allow_xid: Generated<boolean>;
	/** HMAC-SHA256 key (hex) that signs this conversation's XID links; never leaves the server. */
	xid_secret: Generated<string>;
	created_by: string | null;
	created_at: Generated<Date>;
	closed_at: NullableTimestamp;
}

export interface ConversationParticipantTable {
	id: Generated<number>;
	conversation_id: string;
	anon_key: string | null;
	xid: string | null;
	app_user_id: string | null;
	created_at: Generated<Date>;
}

export interface ConversationStatementTable {
	id: Generated<number>;
	conversation_id: string;
	tid: number;
	body: string;
	author_participant_id: number | null;
	is_seed: Generated<boolean>;
	status: Generated<'pending' | 'accepted' | 'rejected'>;
	is_meta: Generated<boolean>;
	client_id: string | null;
	created_at: Generated<Date>;
	moderated_at: NullableTimestamp;
}

export interface ConversationVoteTable {
	participant_id: number;
	statement_id: number;
	conversation_id: string;
	vote: number;
	history_id: number;
	updated_at: Generated<Date>;
}

export interface ConversationVoteHistoryTable {
	id: Generated<number>;
	conversation_id: string;
	participant_id: number;
	statement_id: number;
	vote: number;
	client_id: string;
	created_at: Generated<Date>;
}

export interface ConversationMapTable {
	conversation_id: string;
	last_history_id: Generated<number>;
	statements_version: Generated<string>;
	result: JSONColumnType<object, string, string>;
	state: JSONColumnType<object, string, string>;
	computed_at: Generated<Date>;
}

export interface ConversationFindingTable {
	id: Generated<number>;
	conversation_id: string;
	statement_id: number;
	note: Generated<string>;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface ConversationsTables {
	conversation: ConversationTable;
	conversation_participant: ConversationParticipantTable;
	conversation_statement: ConversationStatementTable;
	conversation_vote: ConversationVoteTable;
	conversation_vote_history: ConversationVoteHistoryTable;
	conversation_map: ConversationMapTable;
	conversation_finding: ConversationFindingTable;
}
