/**
 * The store client handed to rate-limiter-flexible's RateLimiterPostgres (as storeType 'pool'):
 * a pg.Pool whose counter upserts that arrive together go to PostgreSQL as ONE statement
 * (core's GroupCommit: the upserts arriving while one is in flight form the next batch). Every
 * other query of the library (get, delete, clearing expired rows) passes straight through.
 *
 * Why: the anonymous vote endpoint counts every request against its address, and addresses
 * differ, so the per-key folding in rate-limit.ts cannot help: each request was one statement,
 * one round trip and one commit, the largest single cost of a vote after the vote itself
 * (bench/conversations --statements). One statement for many keys keeps the database the one
 * exact counter across processes.
 *
 * The SQL is the library's own upsert (RateLimiterPostgres._upsert, rate-limiter-flexible 11.4)
 * over unnest: same columns, same rule (a window that has expired restarts with the new points
 * and expiry, else the points add up). One difference: the library compares the expiry with the
 * caller's Date.now(); a batch compares with the latest of its callers' clocks, a few
 * milliseconds apart. A key appears once per statement (PostgreSQL refuses to update one row
 * twice in one INSERT … ON CONFLICT), so repeated keys of one batch go in a following round.
 * tests/integration/core/rate-limit-shared.spec.ts counts the statements and checks the sums.
 */
import type pg from 'pg';
import { GroupCommit } from '../batch/group-commit';

/** The library's named statement for a counting upsert (not the forced-expiry variant). */
const UPSERT_NAME = /:rlflx-upsert$/;

interface Upsert {
	key: string;
	points: number;
	expire: number | null;
	now: number;
}
interface CounterRow {
	points: number;
	expire: string | null;
}

interface LibraryQuery {
	name?: string;
	text: string;
	values?: unknown[];
}

/** Splits a batch into rounds in which each key appears once, keeping each key's order. */
function rounds(items: Upsert[]): number[][] {
	const out: number[][] = [];
	const seen = new Map<string, number>();
	items.forEach((u, i) => {
		const r = (seen.get(u.key) ?? -1) + 1;
		seen.set(u.key, r);
		(out[r] ??= []).push(i);
	});
	return out;
}

async function upsertMany(pool: pg.Pool, table: string, items: Upsert[]): Promise<CounterRow[]> {
	const results: CounterRow[] = new Array(items.length);
	for (const round of rounds(items)) {
		const batch = round.map((i) => items[i]);
		const now = Math.max(...batch.map((u) => u.now));
		const r = await pool.query<{ key: string; points: number; expire: string | null }>({
			name: 'osallistu-rate-limit-upsert-many',
			text: `insert into ${table} (key, points, expire)
				select * from unnest($1::varchar[], $2::int[], $3::bigint[])
				on conflict (key) do update set
					points = case when ${table}.expire <= $4 then excluded.points
					              else ${table}.points + excluded.points end,
					expire = case when ${table}.expire <= $4 then excluded.expire
					              else ${table}.expire end
				returning key, points, expire`,
			values: [batch.map((u) => u.key), batch.map((u) => u.points), batch.map((u) => u.expire), now]
		});
		const byKey = new Map(r.rows.map((row) => [row.key, row]));
		for (const i of round) {
			const row = byKey.get(items[i].key);
			if (!row) throw new Error('rate-limit upsert returned no row');
			results[i] = { points: row.points, expire: row.expire };
		}
	}
	return results;
}

/** A stand-in for `pool` in RateLimiterPostgres({ storeClient, storeType: 'pool', … }). */
export function batchedStoreClient(pool: pg.Pool, table: string) {
	const commit = new GroupCommit<Upsert, CounterRow>({
		writeBatch: (items) => upsertMany(pool, table, items),
		maxItems: 1000,
		maxWaitMs: 0
	});
	return {
		query(q: LibraryQuery): Promise<unknown> {
			if (!q.name || !UPSERT_NAME.test(q.name)) return pool.query(q);
			const [key, points, expire, now] = q.values as [string, number, number | null, number];
			return commit
				.submit({ key, points, expire, now })
				.then((row) => ({ rows: [row], rowCount: 1 }));
		}
	};
}
