/* The participation-impact tracker (issue 12): activities, the findings they heard with their
   evidence, each finding's responses (status history), decisions that several findings lead to,
   and the people to notify when a finding moves. Other modules feed it through events only.
   Existing conversation findings are carried over here (below), so the tracker starts with them. */
import { sql, type Kysely } from 'kysely';

const ROLES = `'resident', 'staff', 'pool_coordinator', 'council_coordinator', 'expert_coordinator', 'feedback_handler', 'conversation_moderator', 'admin', 'impact_coordinator'`;
const STATUSES = `('received','under_consideration','decided','being_implemented','implemented','not_taken_forward')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// The tracker adds a role: the coordinators who assign owners and link decisions.
	await sql`alter table user_role drop constraint user_role_role_ck`.execute(db);
	await sql
		.raw(`alter table user_role add constraint user_role_role_ck check (role in (${ROLES}))`)
		.execute(db);
	await db.schema
		.createTable('impact_activity')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		// Where it came from: ('conversation', conversation id), ('survey', survey id), ('workshop', null).
		.addColumn('source_type', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text')
		.addColumn('topic', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('municipality_code', 'text', (c) =>
			c.references('municipality.code').onDelete('set null')
		)
		.addColumn('organiser_unit_id', 'integer', (c) => c.references('unit.id').onDelete('set null'))
		.addColumn('organiser', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('starts_on', 'date', (c) => c.notNull())
		.addColumn('ends_on', 'date')
		.addColumn('invited', 'integer', (c) => c.check(sql`invited >= 0`))
		.addColumn('took_part', 'integer', (c) => c.check(sql`took_part >= 0`))
		// Counts by group where known, e.g. {"age:18-29": 12, "lang:sv": 3}: counts only.
		.addColumn('by_group', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('impact_activity_dates_ck', sql`ends_on is null or ends_on >= starts_on`)
		.execute();
	// A source registers its activity once, however often its event is delivered.
	await sql`create unique index impact_activity_source_uq on impact_activity (source_type, source_id) where source_id is not null`.execute(
		db
	);
	await sql`create index impact_activity_municipality_idx on impact_activity (municipality_code)`.execute(
		db
	);
	await sql`create index impact_activity_organiser_idx on impact_activity (organiser_unit_id)`.execute(
		db
	);

	await db.schema
		.createTable('impact_activity_service_line')
		.addColumn('activity_id', 'integer', (c) =>
			c.notNull().references('impact_activity.id').onDelete('cascade')
		)
		.addColumn('service_line_id', 'integer', (c) =>
			c.notNull().references('service_line.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('impact_activity_service_line_pkey', [
			'activity_id',
			'service_line_id'
		])
		.execute();
	await sql`create index impact_activity_service_line_line_idx on impact_activity_service_line (service_line_id)`.execute(
		db
	);

	// A decision several findings lead to; progress rolls up to the parent (Decidim's results).
	await db.schema
		.createTable('impact_decision')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('parent_id', 'integer', (c) =>
			c.references('impact_decision.id').onDelete('set null')
		)
		.addColumn('title_fi', 'text', (c) => c.notNull())
		.addColumn('title_sv', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('progress', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`progress between 0 and 100`)
		)
		.addColumn('decided_on', 'date')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index impact_decision_parent_idx on impact_decision (parent_id)`.execute(db);
	await sql`create index impact_decision_created_by_idx on impact_decision (created_by)`.execute(
		db
	);

	await db.schema
		.createTable('impact_finding')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('activity_id', 'integer', (c) =>
			c.notNull().references('impact_activity.id').onDelete('cascade')
		)
		.addColumn('source_type', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text')
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('statement','recommendation','feedback_theme')`)
		)
		// As heard (the activity's language, mostly Finnish); shown with lang="fi" elsewhere.
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		// [{ "label": "...", "share": 0.82, "count": 41, "href": "/conversations/…" }]: aggregates only.
		.addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('recorded_on', 'date', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('received')
				.check(sql.raw(`status in ${STATUSES}`))
		)
		.addColumn('status_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('owner_unit_id', 'integer', (c) => c.references('unit.id').onDelete('set null'))
		.addColumn('owner_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('decision_id', 'integer', (c) =>
			c.references('impact_decision.id').onDelete('set null')
		)
		.addColumn('reminded_at', 'timestamptz')
		// The source took it back (a moderator removed a conversation finding): hidden everywhere.
		.addColumn('withdrawn_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create unique index impact_finding_source_uq on impact_finding (source_type, source_id) where source_id is not null`.execute(
		db
	);
	for (const col of ['activity_id', 'owner_unit_id', 'owner_user_id', 'decision_id'])
		await sql`create index ${sql.raw(`impact_finding_${col}_idx`)} on impact_finding (${sql.ref(col)})`.execute(
			db
		);
	await sql`create index impact_finding_changed_idx on impact_finding (status_changed_at desc)`.execute(
		db
	);

	// Each status change, with its owner, date and public explanation: the finding's timeline.
	await db.schema
		.createTable('impact_response')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('finding_id', 'integer', (c) =>
			c.notNull().references('impact_finding.id').onDelete('cascade')
		)
		.addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in ${STATUSES}`)))
		.addColumn('owner_unit_id', 'integer', (c) => c.references('unit.id').onDelete('set null'))
		.addColumn('owner_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('effective_on', 'date', (c) => c.notNull())
		.addColumn('explanation_fi', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('explanation_sv', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('explanation_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'impact_response_reason_ck',
			sql`status <> 'not_taken_forward' or explanation_fi <> ''`
		)
		.execute();
	for (const col of ['finding_id', 'owner_unit_id', 'owner_user_id', 'created_by'])
		await sql`create index ${sql.raw(`impact_response_${col}_idx`)} on impact_response (${sql.ref(col)})`.execute(
			db
		);

	// Someone to tell when a finding moves: a signed-in account, or an address they left.
	await db.schema
		.createTable('impact_recipient')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.unique().references('app_user.id').onDelete('cascade'))
		.addColumn('email', 'text', (c) => c.unique())
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('fi'))
		// The one-link opt-out: a random token in every notice.
		.addColumn('token', 'uuid', (c) =>
			c
				.notNull()
				.unique()
				.defaultTo(sql`gen_random_uuid()`)
		)
		.addColumn('opted_out_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('impact_recipient_who_ck', sql`(user_id is null) <> (email is null)`)
		.execute();

	await db.schema
		.createTable('impact_contact')
		.addColumn('finding_id', 'integer', (c) =>
			c.notNull().references('impact_finding.id').onDelete('cascade')
		)
		.addColumn('recipient_id', 'integer', (c) =>
			c.notNull().references('impact_recipient.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('impact_contact_pkey', ['finding_id', 'recipient_id'])
		.execute();
	await sql`create index impact_contact_recipient_idx on impact_contact (recipient_id)`.execute(db);

	// Once per person per change: the notice of a response to a recipient is written once.
	await db.schema
		.createTable('impact_notice')
		.addColumn('response_id', 'integer', (c) =>
			c.notNull().references('impact_response.id').onDelete('cascade')
		)
		.addColumn('recipient_id', 'integer', (c) =>
			c.notNull().references('impact_recipient.id').onDelete('cascade')
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('impact_notice_pkey', ['response_id', 'recipient_id'])
		.execute();
	await sql`create index impact_notice_recipient_idx on impact_notice (recipient_id)`.execute(db);

	// Today's conversation findings become impact findings, with their conversation as the
	// activity and its signed-in participants as recipients. Same keys as the event handlers use
	// ('conversation', id) and ('conversation_finding', id), so a later event updates these rows.
	await sql`
		insert into impact_activity (source_type, source_id, topic, description, starts_on, ends_on, took_part)
		select 'conversation', c.id::text, c.topic, c.description,
		       (c.created_at at time zone 'Europe/Helsinki')::date,
		       (c.closed_at at time zone 'Europe/Helsinki')::date,
		       (select count(*) from conversation_participant p where p.conversation_id = c.id)
		from conversation c
		where exists (select 1 from conversation_finding f where f.conversation_id = c.id)`.execute(db);
	await sql`
		insert into impact_finding (activity_id, source_type, source_id, kind, body, note, recorded_on, status_changed_at)
		select a.id, 'conversation_finding', f.id::text, 'statement', s.body, f.note,
		       (f.created_at at time zone 'Europe/Helsinki')::date, f.created_at
		from conversation_finding f
		join conversation_statement s on s.id = f.statement_id
		join impact_activity a on a.source_type = 'conversation' and a.source_id = f.conversation_id::text`.execute(
		db
	);
	await sql`
		insert into impact_response (finding_id, status, effective_on, created_by)
		select f.id, 'received', f.recorded_on, null from impact_finding f`.execute(db);
	await sql`
		insert into impact_recipient (user_id, locale)
		select distinct u.id, u.locale
		from conversation_participant p
		join app_user u on u.id = p.app_user_id
		join conversation_finding f on f.conversation_id = p.conversation_id
		on conflict do nothing`.execute(db);
	await sql`
		insert into impact_contact (finding_id, recipient_id)
		select distinct i.id, r.id
		from impact_finding i
		join conversation_finding f on i.source_type = 'conversation_finding' and i.source_id = f.id::text
		join conversation_participant p on p.conversation_id = f.conversation_id
		join impact_recipient r on r.user_id = p.app_user_id
		on conflict do nothing`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`delete from user_role where role = 'impact_coordinator'`.execute(db);
	await sql`alter table user_role drop constraint user_role_role_ck`.execute(db);
	await sql
		.raw(
			`alter table user_role add constraint user_role_role_ck check (role in (${ROLES.replace(", 'impact_coordinator'", '')}))`
		)
		.execute(db);
	for (const t of [
		'impact_notice',
		'impact_contact',
		'impact_recipient',
		'impact_response',
		'impact_finding',
		'impact_decision',
		'impact_activity_service_line',
		'impact_activity'
	])
		await db.schema.dropTable(t).execute();
}
