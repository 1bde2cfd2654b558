/**
 * Two-level clustering and choice of k (polismath `conversation.clj` nodes `:base-clusters`,
 * `:group-clusterings`, `:group-clusterings-silhouettes`, `:group-k-smoother`, `:group-clusters`).
 *
 * 1. Base clusters: k-means with k = 100 on the 2-D positions of the clustered participants,
 *    warm-started from the previous base clusters.
 * 2. Groups: weighted k-means on the base-cluster centres (weights = base-cluster sizes) for every
 *    k = 2..min(maxK, 2 + ⌊nBase / 12⌋), each warm-started from the previous clustering for that k.
 * 3. k: the best mean silhouette over base centres (the larger k on exact ties, like Clojure's
 *    max-key); a smoother adopts a new best k only after it has won `kBuffer` consecutive updates.
 */
import { kmeans, type Cluster, type Points } from './kmeans';
import { silhouette } from './silhouette';
import type { OpinionMapOptions, OpinionMapState } from './types';

export interface Smoother {
	lastK: number | null;
	lastKCount: number;
	smoothedK: number | null;
}

export interface Grouping {
	/** Base clusters sorted by id; members index the clustered points. */
	base: Cluster[];
	baseIterations: number;
	/** Per k, group clusters sorted by id; members index `base`. */
	clusterings: Map<number, Cluster[]>;
	groupIterations: Record<string, number>;
	silhouettes: Record<string, number>;
	bestK: number | null;
	smoother: Smoother;
	/** The chosen clustering (empty when nobody is clustered). */
	groups: Cluster[];
}

export function maxKFor(nBase: number, maxK: number): number {
	return Math.min(maxK, 2 + Math.floor(nBase / 12));
}

/** Polis's k-smoother, plus the 2026 clamp (#2536) of a stale k above the current maximum. */
export function smoothK(
	prev: Smoother | null,
	silhouettes: Map<number, number>,
	kBuffer: number
): Smoother {
	let thisK: number | null = null;
	let best = -Infinity;
	for (const [k, s] of silhouettes) {
		if (s >= best) {
			best = s;
			thisK = k;
		}
	}
	if (thisK === null) return prev ?? { lastK: null, lastKCount: 0, smoothedK: null };
	const same = prev?.lastK != null && prev.lastK === thisK;
	const count = same ? prev.lastKCount + 1 : 1;
	let smoothedK = count >= kBuffer ? thisK : (prev?.smoothedK ?? thisK);
	const ks = [...silhouettes.keys()];
	const maxK = Math.max(...ks);
	if (smoothedK > maxK) smoothedK = maxK;
	if (!silhouettes.has(smoothedK)) smoothedK = thisK;
	return { lastK: thisK, lastKCount: count, smoothedK };
}

export function clusterGroups(
	points: Points,
	pids: string[],
	prev: OpinionMapState | null,
	o: OpinionMapOptions
): Grouping {
	const pidIndex = new Map<string, number>();
	pids.forEach((p, i) => pidIndex.set(p, i));
	const baseStart = prev?.baseClusters.length
		? prev.baseClusters.map((c): Cluster => ({
				id: c.id,
				members: c.members.map((m) => pidIndex.get(m) ?? -1).filter((i) => i >= 0),
				cx: c.center[0],
				cy: c.center[1]
			}))
		: null;
	const baseRun = kmeans(points, o.baseK, { maxIters: o.baseIters, start: baseStart });
	const base = baseRun.clusters;

	const nBase = base.length;
	const centres: Points = {
		x: Float64Array.from(base, (c) => c.cx),
		y: Float64Array.from(base, (c) => c.cy),
		w: Float64Array.from(base, (c) => c.members.length)
	};
	const baseIndex = new Map<number, number>();
	base.forEach((c, i) => baseIndex.set(c.id, i));

	const clusterings = new Map<number, Cluster[]>();
	const groupIterations: Record<string, number> = {};
	const sil = new Map<number, number>();
	if (nBase > 0) {
		for (let k = 2; k <= maxKFor(nBase, o.maxK); k++) {
			const stored = prev?.groupClusterings[String(k)];
			const start = stored?.length
				? stored.map((c): Cluster => ({
						id: c.id,
						members: c.members.map((b) => baseIndex.get(b) ?? -1).filter((i) => i >= 0),
						cx: c.center[0],
						cy: c.center[1]
					}))
				: null;
			const run = kmeans(centres, k, { maxIters: o.groupIters, start });
			clusterings.set(k, run.clusters);
			groupIterations[String(k)] = run.iterations;
			sil.set(
				k,
				silhouette(
					centres,
					run.clusters.map((c) => c.members)
				)
			);
		}
	}
	const smoother = smoothK(prev?.smoother ?? null, sil, o.kBuffer);
	const silhouettes: Record<string, number> = {};
	for (const [k, s] of sil) silhouettes[String(k)] = s;
	return {
		base,
		baseIterations: baseRun.iterations,
		clusterings,
		groupIterations,
		silhouettes,
		bestK: nBase > 0 ? smoother.lastK : null,
		smoother,
		groups: smoother.smoothedK !== null ? (clusterings.get(smoother.smoothedK) ?? []) : []
	};
}
