import { describe, expect, it } from 'vitest';
import { RateLimiter } from './token-bucket';

describe('RateLimiter', () => {
	it('allows a burst up to capacity, then refuses with a retry time', () => {
		let t = 0;
		const rl = new RateLimiter({ capacity: 3, refillPerSecond: 1, now: () => t });
		expect([1, 2, 3].map(() => rl.take('a').allowed)).toEqual([true, true, true]);
		const r = rl.take('a');
		expect(r.allowed).toBe(false);
		expect(r.retryAfter).toBe(1);
		t = 1000;
		expect(rl.take('a').allowed).toBe(true);
		expect(rl.take('a').allowed).toBe(false);
	});

	it('keeps keys apart and never refills past capacity', () => {
		let t = 0;
		const rl = new RateLimiter({ capacity: 2, refillPerSecond: 10, now: () => t });
		rl.take('a');
		rl.take('a');
		expect(rl.take('b').allowed).toBe(true);
		t = 60_000;
		expect(rl.take('a').remaining).toBe(1);
	});

	it('drops the stalest keys when full', () => {
		const rl = new RateLimiter({ capacity: 1, refillPerSecond: 1, maxKeys: 2, now: () => 0 });
		rl.take('a');
		rl.take('b');
		rl.take('c');
		expect(rl.size).toBe(2);
		// 'a' was dropped, so it starts with a full bucket again
		expect(rl.take('a').allowed).toBe(true);
	});
});
