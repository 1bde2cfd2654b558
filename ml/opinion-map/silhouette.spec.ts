import { describe, expect, it } from 'vitest';
import type { Points } from './kmeans';
import { silhouette } from './silhouette';

const line = (xs: number[]): Points => ({
	x: Float64Array.from(xs),
	y: new Float64Array(xs.length)
});

describe('silhouette', () => {
	const p = line([0, 1, 10, 11]);
	it('averages (b − a) / max(a, b) over the points', () => {
		expect(
			silhouette(p, [
				[0, 1],
				[2, 3]
			])
		).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
	});
	it('scores a point alone in its group 0', () => {
		expect(silhouette(p, [[0], [1, 2, 3]])).toBeCloseTo((0 - 8.5 / 9.5 + 0.5 + 0.5) / 4, 12);
	});
	it('scores a single group 0', () => {
		expect(silhouette(p, [[0, 1, 2, 3]])).toBe(0);
	});
	it('prefers the natural split', () => {
		expect(
			silhouette(p, [
				[0, 1],
				[2, 3]
			])
		).toBeGreaterThan(silhouette(p, [[0], [1, 2, 3]]));
	});
});
