/* One lease row per periodic job: a process runs a job only after claiming its row for the
   interval, so two web processes on one database never both run the same job in the same interval. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('job_lease')
		.addColumn('name', 'text', (c) => c.primaryKey())
		// The earliest time any process may start the job again.
		.addColumn('next_run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('holder', 'text')
		.addColumn('last_started_at', 'timestamptz')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('job_lease').execute();
}
