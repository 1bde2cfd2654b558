/* Impact tracker, issue 12 ("reach against the population ... computed from participants'
   attributes as they were when they took part: frozen then"): each pool member who said yes to an
   invitation to an activity, with their groups as the pool gave them in the answer's event. Keyed
   on the activity's source ids, because the answer may arrive before the tracker has the
   activity. An erased member's row stays in the figures without them (member_id set null).
   And the anonymous participants who leave an address to hear what came of an activity (issue
   12: "conversation participants who gave an e-mail"): a request waits here, as the hash of the
   mailed link's token, until the link is followed; unconfirmed ones are deleted after 14 days. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('impact_participant')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('source_type', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('invitation_id', 'integer', (c) => c.notNull())
		.addColumn('member_id', 'text')
		.addColumn('groups', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('accepted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	// One row per member and invitation while the member is known (a redelivered event updates it).
	await sql`create unique index impact_participant_member_idx on impact_participant (invitation_id, member_id) where member_id is not null`.execute(
		db
	);
	await sql`create index impact_participant_source_idx on impact_participant (source_type, source_id)`.execute(
		db
	);

	await db.schema
		.createTable('impact_follow_request')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('source_type', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('topic', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('fi'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index impact_follow_request_address_idx on impact_follow_request (email, source_type, source_id)`.execute(
		db
	);
	await sql`create index impact_follow_request_created_idx on impact_follow_request (created_at)`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('impact_follow_request').execute();
	await db.schema.dropTable('impact_participant').execute();
}
