import { describe, expect, it } from 'vitest';
import { clusterGroups, maxKFor, smoothK, type Smoother } from './groups';
import { DEFAULT_OPTIONS } from './engine';
import { mulberry32 } from './prng';

const sil = (best: number, ks = [2, 3, 4, 5]) =>
	new Map(ks.map((k) => [k, k === best ? 0.9 : 0.1]));

describe('k smoother', () => {
	it('adopts the first best k at once', () => {
		expect(smoothK(null, sil(3), 4)).toEqual({ lastK: 3, lastKCount: 1, smoothedK: 3 });
	});
	it('switches only after the new k has won 4 consecutive updates', () => {
		let s: Smoother = smoothK(null, sil(2), 4);
		const seen: Array<number | null> = [];
		for (let i = 0; i < 4; i++) {
			s = smoothK(s, sil(3), 4);
			seen.push(s.smoothedK);
		}
		expect(seen).toEqual([2, 2, 2, 3]);
	});
	it('restarts the count when the streak is broken', () => {
		let s: Smoother = smoothK(null, sil(2), 4);
		for (const best of [3, 3, 3, 4, 3, 3, 3]) s = smoothK(s, sil(best), 4);
		expect(s).toEqual({ lastK: 3, lastKCount: 3, smoothedK: 2 });
	});
	it('takes the larger k on an exact silhouette tie', () => {
		const tie = new Map([
			[2, 0.5],
			[3, 0.5]
		]);
		expect(smoothK(null, tie, 4).lastK).toBe(3);
	});
	it('clamps a stale k above the current maximum', () => {
		const s = smoothK({ lastK: 5, lastKCount: 9, smoothedK: 5 }, sil(2, [2, 3]), 4);
		expect(s.smoothedK).toBe(3);
	});
});

describe('two-level clustering', () => {
	it('allows k up to min(5, 2 + ⌊nBase / 12⌋)', () => {
		expect([0, 11, 12, 23, 24, 36, 100].map((n) => maxKFor(n, 5))).toEqual([2, 2, 3, 3, 4, 5, 5]);
	});
	it('finds three planted groups and warm-starts from its own state', () => {
		const rnd = mulberry32(5);
		const centres = [
			[0, 0],
			[8, 0],
			[4, 7]
		];
		const n = 600;
		const x = new Float64Array(n);
		const y = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			x[i] = centres[i % 3][0] + rnd();
			y[i] = centres[i % 3][1] + rnd();
		}
		const pids = Array.from({ length: n }, (_, i) => `p${i}`);
		const g = clusterGroups({ x, y }, pids, null, DEFAULT_OPTIONS);
		expect(g.base).toHaveLength(100);
		expect(g.groups).toHaveLength(3);
		expect(g.bestK).toBe(3);
		const groupOf = new Map<number, number>();
		g.groups.forEach((grp, gi) =>
			grp.members.forEach((b) => g.base[b].members.forEach((i) => groupOf.set(i, gi)))
		);
		for (let i = 3; i < n; i++) expect(groupOf.get(i)).toBe(groupOf.get(i % 3));

		const state = {
			version: 1 as const,
			pca: null,
			inConv: pids,
			baseClusters: g.base.map((c) => ({
				id: c.id,
				center: [c.cx, c.cy] as [number, number],
				members: c.members.map((i) => pids[i])
			})),
			groupClusterings: Object.fromEntries(
				[...g.clusterings].map(([k, cs]) => [
					String(k),
					cs.map((c) => ({
						id: c.id,
						center: [c.cx, c.cy] as [number, number],
						members: c.members.map((b) => g.base[b].id)
					}))
				])
			),
			smoother: g.smoother
		};
		const again = clusterGroups({ x, y }, pids, state, DEFAULT_OPTIONS);
		expect(again.baseIterations).toBe(1);
		expect(again.base.map((c) => c.members)).toEqual(g.base.map((c) => c.members));
		expect(again.smoother).toEqual({ lastK: 3, lastKCount: 2, smoothedK: 3 });
	});
});
