import { describe, expect, it } from 'vitest';
import { joinLimiter, replyLimiter } from './rate-limit';
import { filtersFromUrl } from './form-data';

describe('pool rate limits', () => {
	it('allows 10 joins from one address, then refuses; others are not affected', async () => {
		const key = `k-${Math.random()}`;
		for (let i = 0; i < 10; i++) expect((await joinLimiter.take(key)).allowed).toBe(true);
		expect((await joinLimiter.take(key)).allowed).toBe(false);
		expect((await joinLimiter.take(`${key}-other`)).allowed).toBe(true);
	});
	it('allows a minute of invitation answers at a time', async () => {
		const key = `r-${Math.random()}`;
		for (let i = 0; i < 60; i++) expect((await replyLimiter.take(key)).allowed).toBe(true);
		expect((await replyLimiter.take(key)).allowed).toBe(false);
	});
});

describe('filters from the address', () => {
	it('reads lists, numbers and background answers and drops junk', () => {
		const f = filtersFromUrl(
			new URLSearchParams(
				'q=aino&municipality=837&municipality=536&serviceLine=2&serviceLine=x&bg_4=s1&bg_x=1&ageBand=75%2B'
			)
		);
		expect(f).toMatchObject({
			q: 'aino',
			municipality: ['837', '536'],
			serviceLine: [2],
			ageBand: ['75+'],
			background: { '4': ['s1'] }
		});
	});
});
