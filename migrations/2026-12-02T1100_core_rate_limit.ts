/* Shared rate-limit counters (rate-limiter-flexible's RateLimiterPostgres, core/rate-limit): one
   row per limiter and hashed client key, so every app process on this database draws from one
   budget. The columns are the library's own (key, points, expire in epoch milliseconds); the app
   passes `tableCreated: true` and never creates it at run time. Unused on PGlite (one process:
   the counters stay in memory). Rows expire within a window; the library deletes those expired
   an hour ago every five minutes. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('core_rate_limit')
		.addColumn('key', 'varchar(255)', (c) => c.primaryKey())
		.addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('expire', 'bigint')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('core_rate_limit').execute();
}
