/** Table types for the core migration. Each module adds its own `<module>.tables.ts`. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
	Date | null,
	Date | string | null | undefined,
	Date | string | null
>;

export interface MunicipalityTable {
	code: string;
	name_fi: string;
	name_sv: string;
}

export interface ServiceLineTable {
	id: Generated<number>;
	code: string;
	name_fi: string;
	name_sv: string;
	name_en: string;
	sort_order: Generated<number>;
}

export interface UnitTable {
	id: Generated<number>;
	service_line_id: number;
	parent_id: number | null;
	code: string;
	name_fi: string;
	name_sv: string;
	name_en: string;
	municipality_code: string | null;
	active: Generated<boolean>;
}

export interface AppUserTable {
	id: Generated<string>;
	email: string;
	display_name: string;
	password_hash: string | null;
	locale: Generated<string>;
	email_verified_at: NullableTimestamp;
	disabled_at: NullableTimestamp;
	created_at: Generated<Date>;
	updated_at: Generated<Date>;
}

export interface UserIdentityTable {
	provider: string;
	subject: string;
	user_id: string;
	created_at: Generated<Date>;
}

export interface UserRoleTable {
	id: Generated<number>;
	user_id: string;
	role: string;
	service_line_id: number | null;
	unit_id: number | null;
	granted_by: string | null;
	granted_at: Generated<Date>;
}

export interface UserSessionTable {
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: Generated<Date>;
}

export interface EmailTokenTable {
	id: string;
	user_id: string;
	purpose: 'verify_email' | 'reset_password';
	expires_at: Timestamp;
	used_at: NullableTimestamp;
	created_at: Generated<Date>;
}

export interface AuthThrottleTable {
	key: string;
	failures: Generated<number>;
	last_failure_at: Generated<Date>;
}

export interface AuditLogTable {
	id: Generated<number>;
	actor_user_id: string | null;
	action: string;
	entity_type: string;
	entity_id: string | null;
	details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
	created_at: Generated<Date>;
}

export interface MailOutboxTable {
	id: Generated<number>;
	to_address: string;
	subject: string;
	text_body: string;
	html_body: string | null;
	category: string;
	status: Generated<'pending' | 'sent' | 'failed'>;
	attempts: Generated<number>;
	next_attempt_at: Generated<Date>;
	last_error: string | null;
	created_at: Generated<Date>;
	sent_at: Date | null;
}

/** Periodic-job leases (migration 2026-12-01T1200_job_lease). */
export interface JobLeaseTable {
	name: string;
	next_run_at: Generated<Date>;
	holder: string | null;
	last_started_at: Date | null;
}

/** The event outbox (migration 2026-12-02T1000_core_event_outbox; core/events). */
export interface EventOutboxTable {
	id: Generated<number>;
	name: string;
	payload: JSONColumnType<Record<string, unknown>, string, string>;
	created_at: Generated<Date>;
	next_attempt_at: Generated<Date>;
	attempts: Generated<number>;
	last_error: string | null;
	delivered_at: NullableTimestamp;
}

/** One row per (event, handler) that has handled the event. */
export interface EventHandledTable {
	event_id: number;
	handler_id: string;
	handled_at: Generated<Date>;
}

export interface CoreTables {
	municipality: MunicipalityTable;
	service_line: ServiceLineTable;
	unit: UnitTable;
	app_user: AppUserTable;
	user_identity: UserIdentityTable;
	user_role: UserRoleTable;
	user_session: UserSessionTable;
	email_token: EmailTokenTable;
	auth_throttle: AuthThrottleTable;
	audit_log: AuditLogTable;
	mail_outbox: MailOutboxTable;
	job_lease: JobLeaseTable;
	event_outbox: EventOutboxTable;
	event_handled: EventHandledTable;
}
