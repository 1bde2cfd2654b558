/**
 * Weighted Lloyd k-means on 2-D points with Polis's initialisation and warm start
 * (polismath `clusters.clj`: `kmeans`, `init-clusters`, `cluster-step`, `same-clustering?`,
 * `clean-start-clusters`, `most-distal`, `uniqify-clusters`).
 *
 * - Cold start: the first k distinct points in data order are the seeds (deterministic).
 * - Warm start: previous clusters are recentred on the current positions of their members, empty
 *   ones dropped, identical ones merged, then the most distal point (farthest from its nearest
 *   centre) is split off as a new singleton cluster until there are min(k, distinct points).
 * - Then Lloyd steps (lloyd.ts) until the centres settle or after `maxIters` steps (Polis runs one
 *   step more than its iteration count; here the count is the number of steps).
 */
import { lloyd, type Cluster, type Points } from './lloyd';

export { sameClustering, type Cluster, type Points } from './lloyd';

export interface KMeansOptions {
	maxIters: number;
	threshold?: number;
	/** Previous clustering with members re-expressed as current point indices. */
	start?: Cluster[] | null;
}

function key(x: number, y: number): string {
	// -0 and 0 are the same position.
	return `${x + 0},${y + 0}`;
}

/** Number of distinct points, counting no further than `limit`. */
export function countDistinct(p: Points, limit = Infinity): number {
	const seen = new Set<string>();
	for (let i = 0; i < p.x.length && seen.size < limit; i++) seen.add(key(p.x[i], p.y[i]));
	return seen.size;
}

/** First k distinct points in data order. */
export function initClusters(p: Points, k: number): Cluster[] {
	const seen = new Set<string>();
	const out: Cluster[] = [];
	for (let i = 0; i < p.x.length && out.length < k; i++) {
		const s = key(p.x[i], p.y[i]);
		if (seen.has(s)) continue;
		seen.add(s);
		out.push({ id: out.length, members: [], cx: p.x[i], cy: p.y[i] });
	}
	return out;
}

/** Moves the centre to the (weighted) mean of the members; returns false if there are none. */
function recenter(p: Points, c: Cluster): boolean {
	let sx = 0;
	let sy = 0;
	let sw = 0;
	for (const i of c.members) {
		const w = p.w ? p.w[i] : 1;
		sx += w * p.x[i];
		sy += w * p.y[i];
		sw += w;
	}
	if (c.members.length === 0 || sw === 0) return false;
	c.cx = sx / sw;
	c.cy = sy / sw;
	return true;
}

/** Prepares a previous clustering as the start of a new run (Polis `clean-start-clusters`). */
export function cleanStartClusters(p: Points, previous: Cluster[], k: number): Cluster[] {
	const n = p.x.length;
	let clusters = previous
		.map((c) => ({ ...c, members: c.members.filter((i) => i >= 0 && i < n) }))
		.filter((c) => recenter(p, c));
	if (clusters.length === 0) {
		const all: Cluster = {
			id: previous.reduce((m, c) => Math.max(m, c.id), -1) + 1,
			members: Array.from({ length: n }, (_, i) => i),
			cx: 0,
			cy: 0
		};
		recenter(p, all);
		clusters = [all];
	}
	// Merge clusters whose centres coincide (the larger one keeps its id).
	const uniq: Cluster[] = [];
	for (const c of clusters) {
		const same = uniq.findIndex((u) => u.cx === c.cx && u.cy === c.cy);
		if (same < 0) {
			uniq.push(c);
			continue;
		}
		const u = uniq[same];
		const merged: Cluster = {
			id: u.members.length > c.members.length ? u.id : c.id,
			members: [...u.members, ...c.members],
			cx: 0,
			cy: 0
		};
		recenter(p, merged);
		uniq[same] = merged;
	}
	clusters = uniq;
	const possible = countDistinct(p, k);
	for (;;) {
		clusters = clusters.filter((c) => recenter(p, c));
		if (clusters.length >= possible) break;
		let far = -1;
		let farD = -1;
		for (let i = 0; i < n; i++) {
			let d = Infinity;
			for (const c of clusters) d = Math.min(d, Math.hypot(p.x[i] - c.cx, p.y[i] - c.cy));
			if (d > farD) {
				farD = d;
				far = i;
			}
		}
		if (farD <= 0) break;
		const nextId = clusters.reduce((m, c) => Math.max(m, c.id), -1) + 1;
		for (const c of clusters) c.members = c.members.filter((i) => i !== far);
		clusters.push({ id: nextId, members: [far], cx: p.x[far], cy: p.y[far] });
	}
	return clusters;
}

export function kmeans(
	p: Points,
	k: number,
	o: KMeansOptions
): { clusters: Cluster[]; iterations: number } {
	if (p.x.length === 0 || k <= 0) return { clusters: [], iterations: 0 };
	const start =
		o.start && o.start.length > 0 ? cleanStartClusters(p, o.start, k) : initClusters(p, k);
	const run = lloyd(p, start, Math.max(1, o.maxIters), o.threshold ?? 0.01);
	run.clusters.sort((x, y) => x.id - y.id);
	return run;
}
