/**
 * The core rate limiter on PostgreSQL: two limiter instances that share nothing but the database
 * (each loaded as its own module copy, as two processes would) together allow exactly the budget,
 * and store no client address. On PGlite the counters are in memory (one process), tested beside
 * the code (core/rate-limit/rate-limit.spec.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../../helpers/test-db';

type Core = typeof import('../../../src/lib/server/core/rate-limit');

async function freshCopy(): Promise<Core> {
	vi.resetModules();
	return import('../../../src/lib/server/core/rate-limit');
}

describe.runIf(!!process.env.TEST_DATABASE_URL)('shared rate limit on postgres', () => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb('postgres');
	});
	afterAll(() => t.close());

	it('two processes together allow the budget once, and the table holds no address', async () => {
		const a = await freshCopy();
		const b = await freshCopy();
		expect(a).not.toBe(b);
		for (const core of [a, b]) core.useRateLimitStore({ kind: 'postgres', pool: t.pool! });
		const rule = { points: 25, durationS: 60 };
		const la = a.rateLimit('test.shared', rule);
		const lb = b.rateLimit('test.shared', rule);
		const ip = '203.0.113.7';
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => (i % 2 ? la : lb).take(ip))
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(25);
		// Over budget, a process refuses from memory without a round trip; still refused.
		expect((await la.take(ip)).allowed).toBe(false);
		expect((await lb.take(ip)).allowed).toBe(false);
		expect((await la.take('198.51.100.1')).allowed).toBe(true);

		const rows = await t.db.selectFrom('core_rate_limit').select(['key', 'points']).execute();
		expect(rows.length).toBe(2);
		for (const r of rows) {
			expect(r.key).toMatch(/^test\.shared:[0-9a-f]{64}$/);
			expect(r.key).not.toContain('203.0.113.7');
		}
	});

	it('keeps its counters in an unlogged table: a counted request waits for no WAL flush', async () => {
		// A logged table made every anonymous vote one durable commit (bench/conversations --profile).
		const r = await t.pool!.query(
			`select relpersistence from pg_class where relname = 'core_rate_limit'`
		);
		expect(r.rows[0].relpersistence).toBe('u');
	});

	it('sends the upserts of many addresses at once as a few statements, each counted exactly', async () => {
		const core = await freshCopy();
		const pool = t.pool!;
		const statements: string[] = [];
		const real = pool.query.bind(pool) as (q: unknown) => Promise<unknown>;
		const spy = vi.spyOn(pool, 'query');
		const keysPerStatement: string[][] = [];
		spy.mockImplementation(((q: { name?: string; values?: unknown[] }) => {
			statements.push(q.name ?? '');
			if (q.name === 'osallistu-rate-limit-upsert-many')
				keysPerStatement.push(q.values![0] as string[]);
			return real(q);
		}) as never);
		try {
			core.useRateLimitStore({ kind: 'postgres', pool });
			const lim = core.rateLimit('test.many', { points: 3, durationS: 60 });
			// Two limiters of one name in one process share keys: their upserts of one address meet
			// in one batch (the first upsert goes alone, the rest queue behind it), which
			// PostgreSQL can only take in two rounds.
			const twin = core.rateLimit('test.many', { points: 3, durationS: 60 });
			const ips = Array.from({ length: 60 }, (_, i) => `198.51.100.${i}`);
			const first = await Promise.all([...ips.map((ip) => lim.take(ip)), twin.take(ips[1])]);
			expect(first.every((r) => r.allowed)).toBe(true);
			const upserts = statements.filter((n) => n === 'osallistu-rate-limit-upsert-many');
			expect(upserts).toHaveLength(3); // not one per address
			expect(statements.some((n) => n.endsWith(':rlflx-upsert'))).toBe(false);
			// Each statement names a key once; the shared key went in a round of its own.
			// The first upsert alone, the 60 that queued behind it in one batch: 59 addresses in one
			// statement, the address both limiters named in a second round.
			expect(keysPerStatement.map((keys) => keys.length)).toEqual([1, 59, 1]);

			// The sums: ips[1] has used 2 of 3, the others 1; two more takes each.
			const again = await Promise.all(ips.map((ip) => lim.take(ip, 2)));
			expect(again[1].allowed).toBe(false);
			expect(again.filter((_, i) => i !== 1).every((r) => r.allowed && r.remaining === 0)).toBe(
				true
			);
			const rows = await pool.query(
				`select points from core_rate_limit where key like 'test.many:%' order by points`
			);
			expect(rows.rows.map((r) => r.points)).toEqual([...Array(59).fill(3), 4]);
		} finally {
			spy.mockRestore();
		}
	});
});
