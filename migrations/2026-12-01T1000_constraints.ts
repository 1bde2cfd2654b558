/* The database says what the code assumes: an index behind every foreign key (deletes and joins on
   the referencing side otherwise scan the whole table), CHECK constraints for the closed sets of
   values the code writes (roles, statuses, purposes, kinds), exactly one identity per conversation
   participant, a vote's conversation always its statement's, and a trigram index for the pool's
   member search (`search_text LIKE '%…%'`). Self-contained: no application code is imported. */
import { sql, type Kysely } from 'kysely';

/* Foreign keys that had no index starting with their column(s), found with pg_constraint/pg_index
   on a freshly migrated database (tests/integration/core/schema.spec.ts keeps it that way).
   pool_recipient(invitation_id) only had the partial unique index (… where member_id is not null),
   which an invitation's recipient list cannot use. conversation_vote(statement_id) and
   conversation_vote_history(statement_id) are covered by the composite keys further down. */
const FK_INDEXES: [table: string, column: string][] = [
	['audit_log', 'actor_user_id'],
	['conversation', 'created_by'],
	['conversation_finding', 'created_by'],
	['conversation_finding', 'statement_id'],
	['conversation_participant', 'app_user_id'],
	['conversation_statement', 'author_participant_id'],
	['email_token', 'user_id'],
	['feedback_case', 'answered_by'],
	['feedback_case', 'service_line_id'],
	['feedback_response', 'service_line_id'],
	['feedback_response', 'survey_id'],
	['feedback_response', 'survey_version_id'],
	['feedback_rollup_daily', 'survey_id'],
	['feedback_survey_unit', 'unit_id'],
	['feedback_survey_version', 'created_by'],
	['pool_consent', 'member_id'],
	['pool_invitation', 'created_by'],
	['pool_recipient', 'invitation_id'],
	['pool_token', 'member_id'],
	['unit', 'municipality_code'],
	['unit', 'parent_id'],
	['user_identity', 'user_id'],
	['user_role', 'granted_by'],
	['user_role', 'service_line_id'],
	['user_role', 'unit_id']
];

/* Allowed values, copied from the code that writes them (a migration must not import it):
   core/auth/roles.ts ROLES, core/auth/account.service.ts and pool/member.service.ts purposes,
   core/mail statuses, pool invitation statuses, feedback/cases.service.ts statuses,
   feedback/feedback.types.ts survey kinds. */
const CHECKS: [table: string, name: string, condition: string][] = [
	[
		'user_role',
		'user_role_role_ck',
		`role in ('resident', 'staff', 'pool_coordinator', 'council_coordinator', 'expert_coordinator', 'feedback_handler', 'conversation_moderator', 'admin')`
	],
	['email_token', 'email_token_purpose_ck', `purpose in ('verify_email', 'reset_password')`],
	['mail_outbox', 'mail_outbox_status_ck', `status in ('pending', 'sent', 'failed')`],
	['pool_token', 'pool_token_purpose_ck', `purpose in ('confirm', 'stay')`],
	['pool_invitation', 'pool_invitation_status_ck', `status in ('open', 'closed')`],
	['feedback_case', 'feedback_case_status_ck', `status in ('received', 'open', 'closed')`],
	['feedback_survey', 'feedback_survey_kind_ck', `kind in ('national', 'children', 'targeted')`],
	// Anonymous cookie key, external id or account: exactly one (participants.ts sets one column).
	[
		'conversation_participant',
		'conversation_participant_one_identity_ck',
		`num_nonnulls(anon_key, xid, app_user_id) = 1`
	]
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const [table, column] of FK_INDEXES)
		await sql`create index ${sql.id(`${table}_${column}_fk_idx`)} on ${sql.table(table)} (${sql.ref(column)})`.execute(
			db
		);

	for (const [table, name, condition] of CHECKS)
		await sql`alter table ${sql.table(table)} add constraint ${sql.id(name)} check (${sql.raw(condition)})`.execute(
			db
		);

	// A vote (and its history row) belongs to the conversation of its statement: the key that
	// says so needs (id, conversation_id) to be unique on the statement.
	await sql`alter table conversation_statement add constraint conversation_statement_id_conv_uq unique (id, conversation_id)`.execute(
		db
	);
	for (const table of ['conversation_vote', 'conversation_vote_history']) {
		await sql`create index ${sql.id(`${table}_statement_conv_idx`)} on ${sql.table(table)} (statement_id, conversation_id)`.execute(
			db
		);
		await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_statement_conv_fk`)}
			foreign key (statement_id, conversation_id)
			references conversation_statement (id, conversation_id) on delete cascade`.execute(db);
	}

	// Pool member search is `search_text LIKE '%term%'`: only a trigram index can serve it.
	// PGlite loads pg_trgm as an extension (core/db/database.ts); Debian's PostgreSQL ships it.
	await sql`create extension if not exists pg_trgm`.execute(db);
	await sql`create index pool_member_search_trgm_idx on pool_member using gin (search_text gin_trgm_ops)`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index pool_member_search_trgm_idx`.execute(db);
	for (const table of ['conversation_vote', 'conversation_vote_history']) {
		await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_statement_conv_fk`)}`.execute(
			db
		);
		await sql`drop index ${sql.id(`${table}_statement_conv_idx`)}`.execute(db);
	}
	await sql`alter table conversation_statement drop constraint conversation_statement_id_conv_uq`.execute(
		db
	);
	for (const [table, name] of CHECKS)
		await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name)}`.execute(db);
	for (const [table, column] of FK_INDEXES)
		await sql`drop index ${sql.id(`${table}_${column}_fk_idx`)}`.execute(db);
}
