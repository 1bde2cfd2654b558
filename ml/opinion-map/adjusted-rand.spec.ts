import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, compareGroupings } from './adjusted-rand';

describe('adjustedRandIndex', () => {
	it('is 1 for the same partition under other label names', () => {
		expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9])).toBe(1);
	});
	it('matches the textbook value for a split cluster', () => {
		// Hubert & Arabie; sklearn's adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.2424…
		expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 12);
	});
	it('is negative for worse-than-chance agreement', () => {
		expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
	});
	it('handles trivial partitions', () => {
		expect(adjustedRandIndex([1, 1, 1], [2, 2, 2])).toBe(1);
		expect(adjustedRandIndex([0, 1, 2], [0, 1, 2])).toBe(1);
		expect(adjustedRandIndex([0, 0, 0], [0, 1, 2])).toBe(0);
	});
	it('rejects labelings of different length', () => {
		expect(() => adjustedRandIndex([0], [0, 1])).toThrow();
	});
});

describe('compareGroupings', () => {
	it('compares over participants grouped by both and reports coverage', () => {
		const ours = new Map([
			['a', 1],
			['b', 1],
			['c', 0]
		]);
		const ref = new Map<string, number | null>([
			['a', 0],
			['b', 0],
			['c', 1],
			['d', 1],
			['e', null]
		]);
		expect(compareGroupings(ours, ref)).toEqual({ ari: 1, overlap: 3, coverage: 0.75 });
	});
});
