/** Table types for the pool migration (migrations/2026-11-25T1100_pool.ts). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../core/db/core.tables';

export type MemberStatus = 'pending' | 'active' | 'paused';
export type Answer = 'yes' | 'no' | 'maybe';

export interface PoolMemberTable {
	id: Generated<string>;
	user_id: string | null;
	email: string;
	name: string;
	phone: string | null;
	municipality_code: string;
	birth_year: number;
	gender: string | null;
	mother_tongue: string | null;
	locale: Generated<string>;
	service_line_ids: ColumnType<number[], number[] | undefined, number[]>;
	topics: string | null;
	modes: ColumnType<string[], string[] | undefined, string[]>;
	accessibility_needs: string | null;
	background: JSONColumnType<Record<string, string>, string | undefined, string>;
	status: ColumnType<MemberStatus, MemberStatus | undefined, MemberStatus>;
	source: Generated<string>;
	consent_version: string;
	consent_at: Timestamp;
	confirmed_at: NullableTimestamp;
	last_active_at: Generated<Date>;
	retention_asked_at: NullableTimestamp;
	created_at: Generated<Date>;
	updated_at: Generated<Date>;
	search_text: ColumnType<string, never, never>;
}

export interface PoolConsentTable {
	id: Generated<number>;
	member_id: string;
	consent_version: string;
	given_at: Generated<Date>;
}

export interface PoolTokenTable {
	id: string;
	member_id: string;
	purpose: 'confirm' | 'stay';
	expires_at: Timestamp;
	used_at: NullableTimestamp;
}

export interface PoolQuestionTable {
	id: Generated<number>;
	label_fi: string;
	label_sv: string;
	label_en: string;
	options: JSONColumnType<QuestionOption[], string, string>;
	active: Generated<boolean>;
	sort_order: Generated<number>;
}

export interface QuestionOption {
	value: string;
	fi: string;
	sv: string;
	en: string;
}

export interface PoolPopulationTable {
	dimension: string;
	value: string;
	population: number;
	source: string;
	year: number;
	illustrative: Generated<boolean>;
	imported_at: Generated<Date>;
}

export interface PoolInvitationTable {
	id: Generated<number>;
	activity_type: string;
	activity_id: string | null;
	title: string;
	message_fi: string;
	message_sv: string;
	message_en: string;
	reply_deadline: Timestamp;
	max_accepted: number | null;
	status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
	created_by: string | null;
	created_at: Generated<Date>;
	closed_at: NullableTimestamp;
}

export interface PoolRecipientTable {
	id: Generated<number>;
	invitation_id: number;
	member_id: string | null;
	token_id: string;
	answer: Answer | null;
	answered_at: NullableTimestamp;
	/** What the member needs for this activity, given with a "yes" (diet, interpreter, access). */
	reply_needs: Generated<string>;
	reminded_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export interface PoolStatTable {
	metric: string;
	period: string;
	count: Generated<number>;
}

export interface PoolTables {
	pool_member: PoolMemberTable;
	pool_consent: PoolConsentTable;
	pool_token: PoolTokenTable;
	pool_question: PoolQuestionTable;
	pool_population: PoolPopulationTable;
	pool_invitation: PoolInvitationTable;
	pool_recipient: PoolRecipientTable;
	pool_stat: PoolStatTable;
}
