import { describe, expect, it } from 'vitest';
import {
	cleanStartClusters,
	initClusters,
	kmeans,
	sameClustering,
	type Cluster,
	type Points
} from './kmeans';
import { mulberry32 } from './prng';

const pts = (xy: Array<[number, number]>, w?: number[]): Points => ({
	x: Float64Array.from(xy, (p) => p[0]),
	y: Float64Array.from(xy, (p) => p[1]),
	w: w ? Float64Array.from(w) : undefined
});

/** Plain Lloyd with full scans, as Polis's `cluster-step`: the reference for the fast version. */
function naive(p: Points, start: Cluster[], maxIters: number): Cluster[] {
	let cs = start.map((c) => ({ ...c, members: [] as number[] }));
	for (let it = 0; it < maxIters; it++) {
		const members: number[][] = cs.map(() => []);
		for (let i = 0; i < p.x.length; i++) {
			let best = 0;
			let bestD = Infinity;
			cs.forEach((c, j) => {
				const d = (p.x[i] - c.cx) ** 2 + (p.y[i] - c.cy) ** 2;
				if (d < bestD) {
					bestD = d;
					best = j;
				}
			});
			members[best].push(i);
		}
		const next = cs
			.map((c, j) => {
				const ms = members[j];
				const w = (i: number) => (p.w ? p.w[i] : 1);
				const sw = ms.reduce((s, i) => s + w(i), 0);
				return {
					id: c.id,
					members: ms,
					cx: ms.reduce((s, i) => s + w(i) * p.x[i], 0) / sw,
					cy: ms.reduce((s, i) => s + w(i) * p.y[i], 0) / sw
				};
			})
			.filter((c) => c.members.length > 0);
		const done = sameClustering(cs, next);
		cs = next;
		if (done) break;
	}
	return cs.sort((a, b) => a.id - b.id);
}

describe('kmeans', () => {
	it('separates obvious clusters', () => {
		const p = pts([
			[0, 0],
			[0.1, 0],
			[0, 0.1],
			[10, 10],
			[10.1, 10],
			[10, 10.2]
		]);
		const { clusters } = kmeans(p, 2, { maxIters: 20 });
		expect(clusters.map((c) => c.members)).toEqual([
			[0, 1, 2],
			[3, 4, 5]
		]);
		expect(clusters[1].cx).toBeCloseTo(10.0333333, 6);
	});

	it('seeds a cold start with the first k distinct points in order', () => {
		const p = pts([
			[1, 1],
			[1, 1],
			[-0, 2],
			[0, 2],
			[3, 3]
		]);
		expect(initClusters(p, 3).map((c) => [c.id, c.cx, c.cy])).toEqual([
			[0, 1, 1],
			[1, -0, 2],
			[2, 3, 3]
		]);
	});

	it('uses weighted means', () => {
		const p = pts(
			[
				[0, 0],
				[1, 0]
			],
			[3, 1]
		);
		const { clusters } = kmeans(p, 1, { maxIters: 5 });
		expect(clusters[0].cx).toBeCloseTo(0.25, 12);
	});

	it('gives exactly the clustering of plain full-scan Lloyd', () => {
		const rnd = mulberry32(3);
		const xy: Array<[number, number]> = Array.from({ length: 3000 }, () => {
			const g = Math.floor(rnd() * 4);
			return [g * 3 + rnd() * 4, (g % 2) * 5 + rnd() * 4];
		});
		const p = pts(xy);
		for (const k of [2, 7, 100]) {
			const fast = kmeans(p, k, { maxIters: 100 });
			const slow = naive(p, initClusters(p, k), 100);
			expect(fast.clusters.map((c) => c.members)).toEqual(slow.map((c) => c.members));
			expect(fast.clusters.map((c) => c.id)).toEqual(slow.map((c) => c.id));
		}
	});

	it('breaks exact ties like the full scan (first centre) on duplicated grid points', () => {
		const rnd = mulberry32(8);
		const p = pts(
			Array.from({ length: 2000 }, (): [number, number] => [
				Math.floor(rnd() * 12),
				Math.floor(rnd() * 12)
			])
		);
		for (const k of [3, 10, 40]) {
			const fast = kmeans(p, k, { maxIters: 50 });
			const slow = naive(p, initClusters(p, k), 50);
			expect(fast.clusters.map((c) => c.members)).toEqual(slow.map((c) => c.members));
		}
	});

	it('reports the true number of steps and stops on stable centres', () => {
		const p = pts([
			[0, 0],
			[1, 0],
			[10, 0],
			[11, 0]
		]);
		const run = kmeans(p, 2, { maxIters: 100 });
		// Seeds (0,0),(1,0) → step 1 moves them, step 2 moves again, step 3 confirms.
		expect(run.iterations).toBe(3);
		expect(kmeans(p, 2, { maxIters: 1 }).iterations).toBe(1);
	});

	it('warm-starts: recentres, drops empty clusters and splits off the most distal point', () => {
		const p = pts([
			[0, 0],
			[0, 1],
			[9, 9],
			[10, 9],
			[30, 0]
		]);
		const previous: Cluster[] = [
			{ id: 4, members: [0, 1], cx: 5, cy: 5 },
			{ id: 7, members: [], cx: 1, cy: 1 },
			{ id: 9, members: [2, 3, 4], cx: 0, cy: 0 }
		];
		const start = cleanStartClusters(p, previous, 3);
		expect(start.map((c) => c.id)).toEqual([4, 9, 10]);
		expect(start[0]).toMatchObject({ cx: 0, cy: 0.5 });
		// (30,0) is farthest from its nearest centre (16.3, 6): it becomes the new cluster 10.
		expect(start[2]).toMatchObject({ members: [4], cx: 30, cy: 0 });
		const { clusters } = kmeans(p, 3, { maxIters: 10, start: previous });
		expect(clusters.map((c) => [c.id, c.members])).toEqual([
			[4, [0, 1]],
			[9, [2, 3]],
			[10, [4]]
		]);
	});
});
