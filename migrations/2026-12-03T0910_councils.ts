/* Customer councils and the statutory influence bodies (issue 14): bodies with their
   coordinators and members (history kept with an end date), pool candidates from council
   invitations, meetings with agenda, materials, attendance, minutes and statements, and the
   staff request queue. Statements reach the impact tracker through events only. */
import { sql, type Kysely } from 'kysely';

const KINDS = `('customer_council','elders_council','disability_council','youth_council','other')`;
const MEMBER_ROLES = `('chair','vice_chair','secretary','member','deputy')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('council_body')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in ${KINDS}`)))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
		.addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('service_line_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('term_starts_on', 'date', (c) => c.notNull())
		.addColumn('term_ends_on', 'date')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'council_body_term_ck',
			sql`term_ends_on is null or term_ends_on >= term_starts_on`
		)
		.execute();
	await db.schema
		.createIndex('council_body_created_by_ix')
		.on('council_body')
		.column('created_by')
		.execute();

	await db.schema
		.createTable('council_coordinator')
		.addColumn('body_id', 'integer', (c) =>
			c.notNull().references('council_body.id').onDelete('cascade')
		)
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('council_coordinator_pk', ['body_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('council_coordinator_user_ix')
		.on('council_coordinator')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('council_member')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('body_id', 'integer', (c) =>
			c.notNull().references('council_body.id').onDelete('cascade')
		)
		.addColumn('pool_member_id', 'uuid', (c) => c.references('pool_member.id').onDelete('set null'))
		.addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('role', 'text', (c) => c.notNull().check(sql.raw(`role in ${MEMBER_ROLES}`)))
		.addColumn('starts_on', 'date', (c) => c.notNull())
		.addColumn('ends_on', 'date')
		.addColumn('end_reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('council_member_term_ck', sql`ends_on is null or ends_on >= starts_on`)
		.execute();
	await db.schema
		.createIndex('council_member_body_ix')
		.on('council_member')
		.column('body_id')
		.execute();
	await db.schema
		.createIndex('council_member_pool_ix')
		.on('council_member')
		.column('pool_member_id')
		.execute();
	await db.schema
		.createIndex('council_member_user_ix')
		.on('council_member')
		.column('user_id')
		.execute();
	// One current seat per person and body (leaving ends it; a later seat is a new row).
	await sql`create unique index council_member_current_uq on council_member (body_id, lower(email)) where ends_on is null`.execute(
		db
	);

	// Pool members who answered a council invitation (pool.invitation_answered), until added.
	await db.schema
		.createTable('council_candidate')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('body_id', 'integer', (c) =>
			c.notNull().references('council_body.id').onDelete('cascade')
		)
		.addColumn('pool_member_id', 'uuid', (c) =>
			c.notNull().references('pool_member.id').onDelete('cascade')
		)
		.addColumn('invitation_id', 'integer', (c) => c.notNull())
		.addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('yes','no','maybe')`))
		.addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('member_id', 'integer', (c) =>
			c.references('council_member.id').onDelete('set null')
		)
		.addUniqueConstraint('council_candidate_uq', ['body_id', 'pool_member_id'])
		.execute();
	await db.schema
		.createIndex('council_candidate_pool_ix')
		.on('council_candidate')
		.column('pool_member_id')
		.execute();
	await db.schema
		.createIndex('council_candidate_member_ix')
		.on('council_candidate')
		.column('member_id')
		.execute();

	await db.schema
		.createTable('council_meeting')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('body_id', 'integer', (c) =>
			c.notNull().references('council_body.id').onDelete('cascade')
		)
		.addColumn('starts_at', 'timestamptz', (c) => c.notNull())
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('online_url', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('planned')
				.check(sql`status in ('planned','closed')`)
		)
		.addColumn('invited_at', 'timestamptz')
		.addColumn('reminded_at', 'timestamptz')
		.addColumn('closed_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('council_meeting_where_ck', sql`place <> '' or online_url <> ''`)
		.execute();
	await db.schema
		.createIndex('council_meeting_body_ix')
		.on('council_meeting')
		.columns(['body_id', 'starts_at'])
		.execute();

	await db.schema
		.createTable('council_request')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('body_id', 'integer', (c) =>
			c.notNull().references('council_body.id').onDelete('cascade')
		)
		.addColumn('asked_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('topic', 'text', (c) => c.notNull().check(sql`length(topic) between 1 and 300`))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open','accepted','declined','answered')`)
		)
		.addColumn('decline_reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('decided_at', 'timestamptz')
		.addColumn('answered_at', 'timestamptz')
		.addCheckConstraint(
			'council_request_reason_ck',
			sql`status <> 'declined' or decline_reason <> ''`
		)
		.execute();
	await db.schema
		.createIndex('council_request_body_ix')
		.on('council_request')
		.columns(['body_id', 'status'])
		.execute();
	await db.schema
		.createIndex('council_request_asker_ix')
		.on('council_request')
		.column('asked_by')
		.execute();

	await db.schema
		.createTable('council_agenda_item')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) =>
			c.notNull().references('council_meeting.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('service', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('question', 'text', (c) =>
			c.notNull().check(sql`length(question) between 1 and 1000`)
		)
		.addColumn('brought_by', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('request_id', 'integer', (c) =>
			c.references('council_request.id').onDelete('set null')
		)
		.execute();
	await db.schema
		.createIndex('council_agenda_meeting_ix')
		.on('council_agenda_item')
		.columns(['meeting_id', 'position'])
		.execute();
	await db.schema
		.createIndex('council_agenda_request_ix')
		.on('council_agenda_item')
		.column('request_id')
		.execute();

	await db.schema
		.createTable('council_material')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) =>
			c.notNull().references('council_meeting.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 300`))
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('council_material_meeting_ix')
		.on('council_material')
		.column('meeting_id')
		.execute();

	await db.schema
		.createTable('council_attendance')
		.addColumn('meeting_id', 'integer', (c) =>
			c.notNull().references('council_meeting.id').onDelete('cascade')
		)
		.addColumn('member_id', 'integer', (c) =>
			c.notNull().references('council_member.id').onDelete('cascade')
		)
		.addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('council_attendance_pk', ['meeting_id', 'member_id'])
		.execute();
	await db.schema
		.createIndex('council_attendance_member_ix')
		.on('council_attendance')
		.column('member_id')
		.execute();

	await db.schema
		.createTable('council_statement')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) =>
			c.notNull().references('council_meeting.id').onDelete('cascade')
		)
		.addColumn('drafted_by', 'integer', (c) =>
			c.references('council_member.id').onDelete('set null')
		)
		.addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) between 1 and 4000`))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft','approved')`)
		)
		.addColumn('approved_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'council_statement_approved_ck',
			sql`(status = 'approved') = (approved_at is not null)`
		)
		.execute();
	await db.schema
		.createIndex('council_statement_meeting_ix')
		.on('council_statement')
		.column('meeting_id')
		.execute();
	await db.schema
		.createIndex('council_statement_drafter_ix')
		.on('council_statement')
		.column('drafted_by')
		.execute();

	// Which member and meeting a fee row (fees module) was recorded for: a fee only for an
	// attended meeting; the row itself, its price and payroll month are the fees module's.
	await db.schema
		.createTable('council_fee')
		.addColumn('fee_record_id', 'integer', (c) =>
			c.primaryKey().references('fee_record.id').onDelete('cascade')
		)
		.addColumn('meeting_id', 'integer', (c) =>
			c.notNull().references('council_meeting.id').onDelete('restrict')
		)
		.addColumn('member_id', 'integer', (c) =>
			c.notNull().references('council_member.id').onDelete('restrict')
		)
		.addColumn('kind', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('council_fee_meeting_ix')
		.on('council_fee')
		.columns(['meeting_id', 'member_id'])
		.execute();
	await db.schema
		.createIndex('council_fee_member_ix')
		.on('council_fee')
		.column('member_id')
		.execute();
	// One meeting fee per member and meeting (travel and other costs may be several rows).
	await sql`create unique index council_fee_meeting_fee_uq on council_fee (meeting_id, member_id) where kind in ('meeting_fee_chair', 'meeting_fee_member')`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'council_fee',
		'council_statement',
		'council_attendance',
		'council_material',
		'council_agenda_item',
		'council_request',
		'council_meeting',
		'council_candidate',
		'council_member',
		'council_coordinator',
		'council_body'
	])
		await db.schema.dropTable(t).execute();
}
