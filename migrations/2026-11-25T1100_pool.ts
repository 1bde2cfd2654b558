/* Resident pool: members (all personal fields in one table, so erasure is provable), their
   consents and one-time tokens, background questions, population figures, invitations with
   per-recipient reply tokens, and anonymous counts kept after erasure. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('pool_member')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('birth_year', 'integer', (c) => c.notNull())
		.addColumn('gender', 'text')
		.addColumn('mother_tongue', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('fi'))
		.addColumn('service_line_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('topics', 'text')
		.addColumn('modes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('accessibility_needs', 'text')
		.addColumn('background', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('web'))
		.addColumn('consent_version', 'text', (c) => c.notNull())
		.addColumn('consent_at', 'timestamptz', (c) => c.notNull())
		.addColumn('confirmed_at', 'timestamptz')
		.addColumn('last_active_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('retention_asked_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// Lower-cased name and e-mail for the coordinator's text search (no case folding per query).
		.addColumn('search_text', 'text', (c) =>
			c.generatedAlwaysAs(sql`lower(name || ' ' || email)`).stored()
		)
		.addCheckConstraint('pool_member_status_ck', sql`status in ('pending', 'active', 'paused')`)
		.execute();
	await sql`create unique index pool_member_email_uq on pool_member (lower(email))`.execute(db);
	await sql`create unique index pool_member_user_uq on pool_member (user_id) where user_id is not null`.execute(
		db
	);
	for (const col of ['municipality_code', 'birth_year', 'gender', 'mother_tongue', 'status']) {
		await db.schema.createIndex(`pool_member_${col}_idx`).on('pool_member').column(col).execute();
	}
	await sql`create index pool_member_lines_idx on pool_member using gin (service_line_ids)`.execute(
		db
	);
	await sql`create index pool_member_background_idx on pool_member using gin (background jsonb_path_ops)`.execute(
		db
	);
	// The coordinator's list is newest first.
	await sql`create index pool_member_created_idx on pool_member (created_at desc, id)`.execute(db);

	// Every consent given, with the text version and time (a history, not just the latest).
	await db.schema
		.createTable('pool_consent')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('member_id', 'uuid', (c) =>
			c.notNull().references('pool_member.id').onDelete('cascade')
		)
		.addColumn('consent_version', 'text', (c) => c.notNull())
		.addColumn('given_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// One-time links for members (confirm, stay in the pool): only the SHA-256 is stored.
	await db.schema
		.createTable('pool_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('member_id', 'uuid', (c) =>
			c.notNull().references('pool_member.id').onDelete('cascade')
		)
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();

	await db.schema
		.createTable('pool_question')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('label_fi', 'text', (c) => c.notNull())
		.addColumn('label_sv', 'text', (c) => c.notNull())
		.addColumn('label_en', 'text', (c) => c.notNull())
		// [{ value, fi, sv, en }]
		.addColumn('options', 'jsonb', (c) => c.notNull())
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	// Population shares for representativeness, imported from CSV with source and year.
	await db.schema
		.createTable('pool_population')
		.addColumn('dimension', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('population', 'integer', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('illustrative', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('pool_population_pk', ['dimension', 'value'])
		.execute();

	await db.schema
		.createTable('pool_invitation')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('activity_type', 'text', (c) => c.notNull())
		.addColumn('activity_id', 'text')
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('message_fi', 'text', (c) => c.notNull())
		.addColumn('message_sv', 'text', (c) => c.notNull())
		.addColumn('message_en', 'text', (c) => c.notNull())
		.addColumn('reply_deadline', 'timestamptz', (c) => c.notNull())
		.addColumn('max_accepted', 'integer')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('closed_at', 'timestamptz')
		.execute();

	// member_id goes null on erasure: the anonymous answer stays in the invitation's counts.
	await db.schema
		.createTable('pool_recipient')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('invitation_id', 'integer', (c) =>
			c.notNull().references('pool_invitation.id').onDelete('cascade')
		)
		.addColumn('member_id', 'uuid', (c) => c.references('pool_member.id').onDelete('set null'))
		.addColumn('token_id', 'text', (c) => c.notNull().unique())
		.addColumn('answer', 'text')
		.addColumn('answered_at', 'timestamptz')
		.addColumn('reminded_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('pool_recipient_answer_ck', sql`answer in ('yes', 'no', 'maybe')`)
		.execute();
	await sql`create unique index pool_recipient_uq on pool_recipient (invitation_id, member_id) where member_id is not null`.execute(
		db
	);
	await db.schema
		.createIndex('pool_recipient_member_idx')
		.on('pool_recipient')
		.column('member_id')
		.execute();

	// Anonymous monthly counts (joined, erased, removed by retention): no link to any person.
	await db.schema
		.createTable('pool_stat')
		.addColumn('metric', 'text', (c) => c.notNull())
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('pool_stat_pk', ['metric', 'period'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'pool_stat',
		'pool_recipient',
		'pool_invitation',
		'pool_population',
		'pool_question',
		'pool_token',
		'pool_consent',
		'pool_member'
	]) {
		await db.schema.dropTable(t).execute();
	}
}
