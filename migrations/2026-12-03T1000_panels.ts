/* Resident panels drawn by stratified lot (issue 13): the panel and its quotas, the volunteers of
   its two-stage recruitment with their drawn state and selection probability, the pool's answers
   to its invitation (from the pool's events), sessions with attendance, and the recommendation's
   points with each member's support. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('panel')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('question', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('size', 'integer', (c) => c.notNull().check(sql`size between 2 and 1000`))
		// Pool attributes to balance, in the order the quota table shows them.
		.addColumn('categories', 'jsonb', (c) => c.notNull())
		.addColumn('household_rule', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('recruiting')
				.check(sql`status in ('recruiting','committed','drawn','concluded')`)
		)
		.addColumn('seed_rule', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('commitment', 'text')
		.addColumn('committed_at', 'timestamptz')
		.addColumn('seed', 'text')
		.addColumn('draw_state', 'text', (c) =>
			c
				.notNull()
				.defaultTo('idle')
				.check(sql`draw_state in ('idle','queued','running','done','failed')`)
		)
		.addColumn('draw_error', 'text')
		.addColumn('algorithm', 'text')
		.addColumn('engine', 'text')
		.addColumn('distribution_hash', 'text')
		.addColumn('min_probability', 'double precision')
		.addColumn('quota_table', 'jsonb')
		.addColumn('drawn_at', 'timestamptz')
		.addColumn('published_at', 'timestamptz')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'panel_seed_after_commitment_ck',
			sql`seed is null or commitment is not null`
		)
		.execute();

	await db.schema
		.createTable('panel_quota')
		.addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('min', 'integer', (c) => c.notNull().check(sql`min >= 0`))
		.addColumn('max', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('panel_quota_pkey', ['panel_id', 'category', 'value'])
		.addCheckConstraint('panel_quota_range_ck', sql`max >= min`)
		.execute();

	await db.schema
		.createTable('panel_volunteer')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
		// The id the draw sees (published with the commitment): a pseudonym, never a name.
		.addColumn('ref', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('pool','mail')`))
		.addColumn('pool_member_id', 'uuid')
		.addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('email', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('fi'))
		.addColumn('attributes', 'jsonb', (c) => c.notNull())
		.addColumn('household', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('probability', 'double precision')
		.addColumn('state', 'text', (c) =>
			c
				.notNull()
				.defaultTo('in_pool')
				.check(sql`state in ('in_pool','selected','confirmed','declined','withdrawn','replaced')`)
		)
		.addColumn('stay_in_pool', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('replaces_id', 'integer', (c) => c.references('panel_volunteer.id'))
		.addColumn('invited_at', 'timestamptz')
		.addColumn('answered_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create unique index panel_volunteer_ref_uq on panel_volunteer (panel_id, ref)`.execute(
		db
	);
	await sql`create unique index panel_volunteer_member_uq on panel_volunteer (panel_id, pool_member_id) where pool_member_id is not null`.execute(
		db
	);
	await sql`create index panel_volunteer_user_idx on panel_volunteer (user_id)`.execute(db);
	await sql`create index panel_volunteer_replaces_idx on panel_volunteer (replaces_id)`.execute(db);
	await sql`create index panel_created_by_idx on panel (created_by)`.execute(db);

	// Answers to the pool's invitations for a panel (pool.invitation_answered), latest answer wins.
	await db.schema
		.createTable('panel_pool_answer')
		.addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
		.addColumn('member_id', 'uuid', (c) => c.notNull())
		.addColumn('answer', 'text', (c) => c.notNull())
		.addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('panel_pool_answer_pkey', ['panel_id', 'member_id'])
		.execute();

	await db.schema
		.createTable('panel_session')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('held_on', 'date', (c) => c.notNull())
		.addColumn('agenda', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('materials', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('experts', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await sql`create index panel_session_panel_idx on panel_session (panel_id)`.execute(db);

	await db.schema
		.createTable('panel_attendance')
		.addColumn('session_id', 'integer', (c) =>
			c.notNull().references('panel_session.id').onDelete('cascade')
		)
		.addColumn('volunteer_id', 'integer', (c) =>
			c.notNull().references('panel_volunteer.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('panel_attendance_pkey', ['session_id', 'volunteer_id'])
		.execute();

	await sql`create index panel_attendance_volunteer_idx on panel_attendance (volunteer_id)`.execute(
		db
	);

	await db.schema
		.createTable('panel_point')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('author_volunteer_id', 'integer', (c) =>
			c.references('panel_volunteer.id').onDelete('set null')
		)
		.addColumn('removed_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await sql`create index panel_point_panel_idx on panel_point (panel_id)`.execute(db);
	await sql`create index panel_point_author_idx on panel_point (author_volunteer_id)`.execute(db);

	await db.schema
		.createTable('panel_support')
		.addColumn('point_id', 'integer', (c) =>
			c.notNull().references('panel_point.id').onDelete('cascade')
		)
		.addColumn('volunteer_id', 'integer', (c) =>
			c.notNull().references('panel_volunteer.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('panel_support_pkey', ['point_id', 'volunteer_id'])
		.execute();
	await sql`create index panel_support_volunteer_idx on panel_support (volunteer_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'panel_support',
		'panel_point',
		'panel_attendance',
		'panel_session',
		'panel_pool_answer',
		'panel_volunteer',
		'panel_quota',
		'panel'
	])
		await db.schema.dropTable(t).ifExists().execute();
}
