/* The rate-limit counters need no crash safety: after a crash every window starts afresh, which
   lets a client a few more requests once, never fewer. As a logged table each counted request was
   one durable commit (a WAL flush per anonymous vote: the vote bench's bottleneck, measured with
   --profile in bench/conversations). An UNLOGGED table writes no WAL, so its commits wait for no
   flush (PostgreSQL's RecordTransactionCommit: no WAL written, no synchronous flush); PostgreSQL
   empties it after a crash (https://www.postgresql.org/docs/current/sql-createtable.html#SQL-CREATETABLE-UNLOGGED).
   A read replica does not see it, and needs not. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table core_rate_limit set unlogged`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table core_rate_limit set logged`.execute(db);
}
