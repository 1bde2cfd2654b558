/* Experience experts and developer customers (issue 15): the register of profiles (with the
   training each has completed), staff requests, and assignments (one expert proposed for one
   request: proposed → accepted / declined → closed, with hours, fee, travel, both sides'
   feedback and the finding that goes to the impact tracker). */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('expert_profile')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) =>
			c.notNull().unique().references('app_user.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('expert','developer_customer')`)
		)
		// What staff see of the person: the first name only.
		.addColumn('first_name', 'text', (c) => c.notNull())
		.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
		// Approved experience areas ('mental_health:patient', 'substance_use:close_one', …) and the
		// change waiting for the coordinator (null when none).
		.addColumn('areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('pending_areas', sql`text[]`)
		.addColumn('services', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('municipalities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('ways', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('meeting', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('available_from', 'date')
		.addColumn('available_until', 'date')
		.addColumn('paused', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('pending')
				.check(sql`status in ('pending','approved')`)
		)
		.addColumn('approved_at', 'timestamptz')
		.addColumn('approved_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'expert_profile_available_ck',
			sql`available_from is null or available_until is null or available_until >= available_from`
		)
		.execute();

	await sql`create index expert_profile_approved_by_idx on expert_profile (approved_by)`.execute(
		db
	);

	await db.schema
		.createTable('expert_training')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('profile_id', 'integer', (c) =>
			c.notNull().references('expert_profile.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('completed_on', 'date', (c) => c.notNull())
		.execute();
	await sql`create index expert_training_profile_idx on expert_training (profile_id)`.execute(db);

	await db.schema
		.createTable('expert_request')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('requested_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('project', 'text', (c) => c.notNull())
		.addColumn('purpose', 'text', (c) => c.notNull().check(sql`length(trim(purpose)) > 0`))
		.addColumn('area', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'timestamptz', (c) => c.notNull())
		.addColumn('ends_at', 'timestamptz', (c) => c.notNull())
		.addColumn('experts_needed', 'integer', (c) =>
			c.notNull().check(sql`experts_needed between 1 and 20`)
		)
		.addColumn('budget', 'numeric(10, 2)', (c) => c.check(sql`budget >= 0`))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open','filled','done','cancelled')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('expert_request_times_ck', sql`ends_at > starts_at`)
		.execute();
	await sql`create index expert_request_by_idx on expert_request (requested_by)`.execute(db);
	await sql`create index expert_request_unit_idx on expert_request (unit_id)`.execute(db);
	await sql`create index expert_request_status_idx on expert_request (status)`.execute(db);

	await db.schema
		.createTable('expert_assignment')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('request_id', 'integer', (c) =>
			c.notNull().references('expert_request.id').onDelete('cascade')
		)
		.addColumn('profile_id', 'integer', (c) =>
			c.notNull().references('expert_profile.id').onDelete('cascade')
		)
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('proposed','accepted','declined','withdrawn','closed')`)
		)
		// SHA-256 of the answer link's token (the page shows the answer once given).
		.addColumn('token_hash', 'text', (c) => c.unique())
		// The request's times, copied so an expert's overlapping bookings are one query.
		.addColumn('starts_at', 'timestamptz', (c) => c.notNull())
		.addColumn('ends_at', 'timestamptz', (c) => c.notNull())
		.addColumn('proposed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('proposed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('answered_at', 'timestamptz')
		.addColumn('hours', 'numeric(6, 2)', (c) => c.check(sql`hours >= 0`))
		.addColumn('fee', 'numeric(10, 2)', (c) => c.check(sql`fee >= 0`))
		.addColumn('travel', 'numeric(10, 2)', (c) => c.check(sql`travel >= 0`))
		// The fees module's record of hours and travel, when the fee was recorded through it.
		.addColumn('fee_record_id', 'integer')
		.addColumn('finding', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('staff_feedback', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('expert_feedback', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('closed_at', 'timestamptz')
		.addColumn('closed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.execute();
	// One proposal per expert and request.
	await sql`create unique index expert_assignment_once_uq on expert_assignment (request_id, profile_id)`.execute(
		db
	);
	// Foreign keys to accounts are indexed, so erasing an account does not scan the table.
	await sql`create index expert_assignment_proposed_by_idx on expert_assignment (proposed_by)`.execute(
		db
	);
	await sql`create index expert_assignment_closed_by_idx on expert_assignment (closed_by)`.execute(
		db
	);
	await sql`create index expert_assignment_profile_idx on expert_assignment (profile_id, starts_at)`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['expert_assignment', 'expert_request', 'expert_training', 'expert_profile'])
		await db.schema.dropTable(t).ifExists().execute();
}
