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
});
