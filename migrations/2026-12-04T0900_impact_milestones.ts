/* Impact tracker, issue 12: a decision carries its progress as milestones as well as a percentage
   (Decidim accountability's timeline entries): a dated step in fi/sv/en, shown on the public
   activity page's timeline of every finding linked to the decision. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('impact_milestone')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('decision_id', 'integer', (c) =>
			c.notNull().references('impact_decision.id').onDelete('cascade')
		)
		.addColumn('title_fi', 'text', (c) => c.notNull())
		.addColumn('title_sv', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('reached_on', 'date', (c) => c.notNull())
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index impact_milestone_decision_idx on impact_milestone (decision_id, reached_on)`.execute(
		db
	);
	// Erasing or deleting an account sets created_by null: an index keeps that from a full scan.
	await sql`create index impact_milestone_created_by_idx on impact_milestone (created_by)`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('impact_milestone').execute();
}
