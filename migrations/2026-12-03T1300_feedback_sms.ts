/* Feedback II (issue 17): SMS surveys after a visit. Visit sources (a token per patient or client
   system, stored as its SHA-256), visits (the phone number only until the survey is sent or the
   visit is excluded; a keyed hash stays for the opt-out and repeat rules), opt-outs by hash. */
import { sql, type Kysely } from 'kysely';

const REASONS = `'non_disclosure', 'shared_number', 'follow_up', 'minor', 'opted_out', 'recently_asked'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('feedback_visit_source')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('feedback_visit')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('source_id', 'integer', (c) =>
			c.notNull().references('feedback_visit_source.id').onDelete('cascade')
		)
		// The source system's own visit id: a resent event lands once.
		.addColumn('external_id', 'text', (c) => c.notNull())
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
		.addColumn('visited_at', 'timestamptz', (c) => c.notNull())
		.addColumn('send_after', 'timestamptz', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('age_band', 'text', (c) => c.notNull())
		.addColumn('form', 'text', (c) => c.notNull())
		// Cleartext only while queued; null once sent or excluded.
		.addColumn('phone', 'text')
		.addColumn('phone_hash', 'text', (c) => c.notNull())
		.addColumn('person_hash', 'text')
		.addColumn('non_disclosure', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('shared_number', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('follow_up', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('minor_consent', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
		.addColumn('excluded_reason', 'text')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('sent_at', 'timestamptz')
		.addColumn('gateway_id', 'text')
		// The text-reply conversation: next question (0 = NPS; 3 = done; -1 = stopped).
		.addColumn('sms_step', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('sms_answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('retry_sent', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('last_reply_id', 'text')
		.addColumn('last_reply_at', 'timestamptz')
		.addColumn('answered_at', 'timestamptz')
		.addColumn('completed_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('feedback_visit_source_external_uq', ['source_id', 'external_id'])
		.addCheckConstraint('feedback_visit_locale_ck', sql`locale in ('fi', 'sv', 'en')`)
		.addCheckConstraint(
			'feedback_visit_age_band_ck',
			sql`age_band in ('0-17', '18-24', '25-44', '45-64', '65-74', '75+')`
		)
		.addCheckConstraint('feedback_visit_form_ck', sql`form in ('text', 'link')`)
		.addCheckConstraint(
			'feedback_visit_status_ck',
			sql`status in ('queued', 'sent', 'excluded', 'failed')`
		)
		.addCheckConstraint(
			'feedback_visit_reason_ck',
			sql.raw(
				`(status = 'excluded') = (excluded_reason is not null) and (excluded_reason is null or excluded_reason in (${REASONS}))`
			)
		)
		.addCheckConstraint('feedback_visit_phone_ck', sql`status = 'queued' or phone is null`)
		.addCheckConstraint('feedback_visit_step_ck', sql`sms_step between -1 and 3`)
		.execute();
	await sql`create index feedback_visit_due_idx on feedback_visit (send_after) where status = 'queued'`.execute(
		db
	);
	await sql`create index feedback_visit_phone_idx on feedback_visit (phone_hash, visited_at)`.execute(
		db
	);
	await sql`create index feedback_visit_unit_idx on feedback_visit (unit_id, visited_at)`.execute(
		db
	);

	await db.schema
		.createTable('feedback_sms_optout')
		.addColumn('phone_hash', 'text', (c) => c.primaryKey())
		.addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('stop', 'staff')`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['feedback_sms_optout', 'feedback_visit', 'feedback_visit_source'])
		await db.schema.dropTable(t).ifExists().execute();
}
