/** Table types for migrations/2026-12-03T1300_feedback_sms.ts (SMS surveys after a visit). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp } from '../core/db/core.tables';

export interface FeedbackVisitSourceTable {
	id: Generated<number>;
	code: string;
	name: string;
	token_hash: string;
	active: Generated<boolean>;
	created_at: Generated<Date>;
}

export interface FeedbackVisitTable {
	id: Generated<string>;
	source_id: number;
	external_id: string;
	unit_id: number;
	visited_at: ColumnType<Date, Date | string, Date | string>;
	send_after: ColumnType<Date, Date | string, Date | string>;
	locale: string;
	age_band: string;
	form: string;
	phone: string | null;
	phone_hash: string;
	person_hash: string | null;
	non_disclosure: Generated<boolean>;
	shared_number: Generated<boolean>;
	follow_up: Generated<boolean>;
	minor_consent: Generated<boolean>;
	status: Generated<string>;
	excluded_reason: string | null;
	attempts: Generated<number>;
	sent_at: NullableTimestamp;
	gateway_id: string | null;
	sms_step: Generated<number>;
	sms_answers: JSONColumnType<Record<string, string | number>, string | undefined, string>;
	retry_sent: Generated<boolean>;
	last_reply_id: string | null;
	last_reply_at: NullableTimestamp;
	answered_at: NullableTimestamp;
	completed_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export interface FeedbackSmsOptoutTable {
	phone_hash: string;
	via: string;
	created_at: Generated<Date>;
}

export interface VisitTables {
	feedback_visit_source: FeedbackVisitSourceTable;
	feedback_visit: FeedbackVisitTable;
	feedback_sms_optout: FeedbackSmsOptoutTable;
}
