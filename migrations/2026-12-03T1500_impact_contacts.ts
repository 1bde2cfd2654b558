/* Impact tracker, the rest of issue 12: the people who fed an activity or a finding before the
   tracker had its row (pool members who accepted an invitation, feedback givers who asked to hear
   back: keyed on the source's ids, because events arrive in any order), what each recipient came
   from (so an erasure in the pool finds them), and the "felt heard" answers (1–5). Hand-entered
   activities get their own id as source id, so the pool can invite to them by that id. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// scope 'activity': (source_type, source_id) of impact_activity (e.g. ('workshop', '12'),
	// ('conversation', <uuid>)); scope 'finding': of impact_finding (e.g. ('feedback_theme', <uuid>)).
	await db.schema
		.createTable('impact_source_contact')
		.addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('activity','finding')`))
		.addColumn('source_type', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('recipient_id', 'integer', (c) =>
			c.notNull().references('impact_recipient.id').onDelete('cascade')
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('impact_source_contact_pkey', [
			'scope',
			'source_type',
			'source_id',
			'recipient_id'
		])
		.execute();
	await sql`create index impact_source_contact_recipient_idx on impact_source_contact (recipient_id)`.execute(
		db
	);

	// Where an address-only recipient came from: ('pool_member', member id), ('feedback_case', id).
	await db.schema
		.createTable('impact_recipient_origin')
		.addColumn('origin_type', 'text', (c) => c.notNull())
		.addColumn('origin_id', 'text', (c) => c.notNull())
		.addColumn('recipient_id', 'integer', (c) =>
			c.notNull().references('impact_recipient.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('impact_recipient_origin_pkey', [
			'origin_type',
			'origin_id',
			'recipient_id'
		])
		.execute();
	await sql`create index impact_recipient_origin_recipient_idx on impact_recipient_origin (recipient_id)`.execute(
		db
	);

	// "Did you feel heard?" 1–5, once per person and activity (a later answer replaces it). An
	// erased person's answer stays in the figure without them (recipient_id set null).
	await db.schema
		.createTable('impact_heard')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('activity_id', 'integer', (c) =>
			c.notNull().references('impact_activity.id').onDelete('cascade')
		)
		.addColumn('recipient_id', 'integer', (c) =>
			c.references('impact_recipient.id').onDelete('set null')
		)
		.addColumn('score', 'smallint', (c) => c.notNull().check(sql`score between 1 and 5`))
		.addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('impact_heard_once_uq', ['activity_id', 'recipient_id'])
		.execute();
	await sql`create index impact_heard_recipient_idx on impact_heard (recipient_id)`.execute(db);

	await sql`update impact_activity set source_id = id::text
		where source_id is null and source_type in ('workshop', 'other')`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['impact_heard', 'impact_recipient_origin', 'impact_source_contact'])
		await db.schema.dropTable(t).execute();
}
