/* How many times each periodic job has been claimed (= run), across all processes: for operators
   ("did the nightly job run, and once?") and for the multi-process test, which counts runs. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('job_lease')
		.addColumn('runs', 'bigint', (c) => c.notNull().defaultTo(0))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('job_lease').dropColumn('runs').execute();
}
