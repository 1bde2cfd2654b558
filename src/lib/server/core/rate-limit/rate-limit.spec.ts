import { afterEach, describe, expect, it, vi } from 'vitest';
import { rateLimit, resetRateLimits } from './rate-limit';

describe('core rate limit (memory store)', () => {
	afterEach(() => {
		vi.useRealTimers();
		resetRateLimits();
	});

	it('allows the window budget, then refuses with a retry time; keys stay apart', async () => {
		const l = rateLimit('test.window', { points: 3, durationS: 10 });
		const got = [];
		for (let i = 0; i < 4; i++) got.push(await l.take('a'));
		expect(got.map((r) => r.allowed)).toEqual([true, true, true, false]);
		expect(got[2].remaining).toBe(0);
		expect(got[3].retryAfter).toBeGreaterThanOrEqual(1);
		expect(got[3].retryAfter).toBeLessThanOrEqual(10);
		expect((await l.take('b')).allowed).toBe(true);
	});

	it('splits concurrent takes of one key in arrival order, costs included', async () => {
		const l = rateLimit('test.concurrent', { points: 5, durationS: 60 });
		const r = await Promise.all([1, 2, 1, 2, 1].map((cost) => l.take('k', cost)));
		// 1 + 2 + 1 = 4 fit, 4 + 2 does not, the last 1 does not either: the window has 5.
		expect(r.map((x) => x.allowed)).toEqual([true, true, true, false, false]);
		expect((await l.take('k', 6)).allowed).toBe(false);
		expect((await l.take('other', 6)).allowed).toBe(false);
	});

	it('starts a new window when the old one has passed', async () => {
		vi.useFakeTimers();
		const l = rateLimit('test.refill', { points: 1, durationS: 2 });
		expect((await l.take('a')).allowed).toBe(true);
		expect((await l.take('a')).allowed).toBe(false);
		vi.advanceTimersByTime(2100);
		expect((await l.take('a')).allowed).toBe(true);
	});

	it('reads a rule given as a function when first used', async () => {
		let points = 1;
		const l = rateLimit('test.lazy', () => ({ points, durationS: 60 }));
		points = 2;
		expect((await l.take('a')).allowed).toBe(true);
		expect((await l.take('a')).allowed).toBe(true);
		expect((await l.take('a')).allowed).toBe(false);
	});
});
