import { describe, expect, it } from 'vitest';
import { allow } from './rate-limit';
import { filtersFromUrl } from './form-data';

describe('pool rate limit', () => {
	it('allows max requests per window, then refuses until the window passes', () => {
		const key = `k-${Math.random()}`;
		expect([1, 2, 3].map(() => allow(key, 2, 1000, 0))).toEqual([true, true, false]);
		expect(allow(key, 2, 1000, 1000)).toBe(true);
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
