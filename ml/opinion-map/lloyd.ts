/**
 * Lloyd steps for Polis's k-means (polismath `clusters.clj` `cluster-step`, `same-clustering?`),
 * accelerated with Hamerly's bounds so that 10 000 points × 100 centres stay cheap.
 *
 * One step assigns every point to its nearest centre (first centre on exact ties), drops centres
 * left without members and moves the others to the weighted mean of their members. The run stops
 * when the sorted centres of two consecutive steps are all within `threshold` (Polis: 0.01), or
 * after `maxIters` steps.
 */

export interface Points {
	x: Float64Array;
	y: Float64Array;
	/** Optional weights (e.g. base-cluster sizes); unweighted when absent. */
	w?: Float64Array;
}

export interface Cluster {
	id: number;
	/** Indices into the points. */
	members: number[];
	cx: number;
	cy: number;
}

function sortedCenters(cs: Cluster[]): Array<[number, number]> {
	return cs.map((c): [number, number] => [c.cx, c.cy]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

export function sameClustering(a: Cluster[], b: Cluster[], threshold = 0.01): boolean {
	const sa = sortedCenters(a);
	const sb = sortedCenters(b);
	const n = Math.min(sa.length, sb.length);
	for (let i = 0; i < n; i++) {
		if (Math.hypot(sa[i][0] - sb[i][0], sa[i][1] - sb[i][1]) >= threshold) return false;
	}
	return true;
}

/** Centre lists as compared by Polis's `same-clustering?`. */
function asClusters(
	ids: number[],
	cx: Float64Array,
	cy: Float64Array,
	keep?: Uint8Array
): Cluster[] {
	const out: Cluster[] = [];
	for (let j = 0; j < ids.length; j++) {
		if (!keep || keep[j]) out.push({ id: ids[j], members: [], cx: cx[j], cy: cy[j] });
	}
	return out;
}

/** Per centre, half the distance to its nearest other centre. */
function halfGaps(cx: Float64Array, cy: Float64Array, k: number, half: Float64Array): void {
	half.fill(Infinity, 0, k);
	for (let j = 0; j < k; j++) {
		for (let q = j + 1; q < k; q++) {
			const dx = cx[j] - cx[q];
			const dy = cy[j] - cy[q];
			const d = 0.5 * Math.sqrt(dx * dx + dy * dy);
			if (d < half[j]) half[j] = d;
			if (d < half[q]) half[q] = d;
		}
	}
}

/** Hamerly assignment step; kept in its own small function so V8 optimises it as one loop. */
function assign(
	xs: Float64Array,
	ys: Float64Array,
	cx: Float64Array,
	cy: Float64Array,
	k: number,
	a: Int32Array,
	upper: Float64Array,
	lower: Float64Array,
	half: Float64Array
): void {
	const order = Int32Array.from({ length: k }, (_, j) => j).sort((u, v) => cx[u] - cx[v] || u - v);
	const sortedX = Float64Array.from(order, (j) => cx[j]);
	for (let i = 0; i < xs.length; i++) {
		const px = xs[i];
		const py = ys[i];
		const ai = a[i];
		if (ai >= 0) {
			const m = half[ai] > lower[i] ? half[ai] : lower[i];
			if (upper[i] < m) continue;
			const ux = px - cx[ai];
			const uy = py - cy[ai];
			upper[i] = Math.sqrt(ux * ux + uy * uy);
			if (upper[i] < m) continue;
		}
		// Nearest and second-nearest centre, scanning outwards from the point's x in x-sorted
		// order and stopping once the x-gap alone exceeds the second-best distance.
		let d1 = Infinity;
		let d2 = Infinity;
		let b = -1;
		let lo = 0;
		let hi = k;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sortedX[mid] < px) lo = mid + 1;
			else hi = mid;
		}
		let left = lo - 1;
		let right = lo;
		while (left >= 0 || right < k) {
			const gl = left >= 0 ? px - sortedX[left] : Infinity;
			const gr = right < k ? sortedX[right] - px : Infinity;
			const fromLeft = gl <= gr;
			const gap = fromLeft ? gl : gr;
			if (gap * gap > d2) break;
			const j = order[fromLeft ? left-- : right++];
			const dx = px - cx[j];
			const dy = py - cy[j];
			const d = dx * dx + dy * dy;
			if (d < d1 || (d === d1 && j < b)) {
				d2 = d1;
				d1 = d;
				b = j;
			} else if (d < d2) d2 = d;
		}
		a[i] = b;
		upper[i] = Math.sqrt(d1);
		lower[i] = Math.sqrt(d2);
	}
}

/** Weighted sums per centre. */
function accumulate(
	xs: Float64Array,
	ys: Float64Array,
	ws: Float64Array,
	a: Int32Array,
	sx: Float64Array,
	sy: Float64Array,
	sw: Float64Array,
	size: Int32Array
): void {
	for (let i = 0; i < xs.length; i++) {
		const j = a[i];
		const w = ws[i];
		sx[j] += w * xs[i];
		sy[j] += w * ys[i];
		sw[j] += w;
		size[j]++;
	}
}

/** Loosens the bounds by how far the centres moved. */
function loosen(
	a: Int32Array,
	upper: Float64Array,
	lower: Float64Array,
	moved: Float64Array,
	k: number
): void {
	let top = -1;
	let max1 = 0;
	let max2 = 0;
	for (let j = 0; j < k; j++) {
		if (moved[j] > max1) {
			max2 = max1;
			max1 = moved[j];
			top = j;
		} else if (moved[j] > max2) max2 = moved[j];
	}
	for (let i = 0; i < a.length; i++) {
		upper[i] += moved[a[i]];
		lower[i] -= a[i] === top ? max2 : max1;
	}
}

/**
 * Lloyd iterations from the given centres, accelerated with Hamerly's bounds (Hamerly 2010,
 * "Making k-means even faster"): a point is re-scanned only when its upper bound to its own centre
 * exceeds both its lower bound to any other centre and half the gap to the nearest other centre.
 * Every step yields the same assignment as a full scan (nearest centre, first on exact ties), so
 * the result is plain Lloyd's; only the number of distance evaluations drops.
 */
export function lloyd(
	p: Points,
	start: Cluster[],
	maxIters: number,
	threshold: number
): { clusters: Cluster[]; iterations: number } {
	const n = p.x.length;
	const ws = p.w ?? new Float64Array(n).fill(1);
	let ids = start.map((c) => c.id);
	let k = ids.length;
	let cx = Float64Array.from(start, (c) => c.cx);
	let cy = Float64Array.from(start, (c) => c.cy);
	const a = new Int32Array(n).fill(-1);
	const upper = new Float64Array(n);
	const lower = new Float64Array(n);
	const half = new Float64Array(k);
	let iterations = 0;
	for (;;) {
		halfGaps(cx, cy, k, half);
		assign(p.x, p.y, cx, cy, k, a, upper, lower, half);
		// Move each centre to the weighted mean of its members; drop centres left empty.
		const sx = new Float64Array(k);
		const sy = new Float64Array(k);
		const sw = new Float64Array(k);
		const size = new Int32Array(k);
		accumulate(p.x, p.y, ws, a, sx, sy, sw, size);
		const keep = Uint8Array.from(size, (c) => (c > 0 ? 1 : 0));
		const nx = Float64Array.from(sx, (v, j) => (keep[j] && sw[j] > 0 ? v / sw[j] : cx[j]));
		const ny = Float64Array.from(sy, (v, j) => (keep[j] && sw[j] > 0 ? v / sw[j] : cy[j]));
		iterations++;
		const done = sameClustering(asClusters(ids, cx, cy), asClusters(ids, nx, ny, keep), threshold);
		let moved = Float64Array.from(nx, (v, j) => Math.hypot(v - cx[j], ny[j] - cy[j]));
		if (keep.includes(0)) {
			const remap = new Int32Array(k).fill(-1);
			let m = 0;
			for (let j = 0; j < k; j++) if (keep[j]) remap[j] = m++;
			for (let i = 0; i < n; i++) a[i] = remap[a[i]];
			ids = ids.filter((_, j) => keep[j]);
			cx = nx.filter((_, j) => keep[j]);
			cy = ny.filter((_, j) => keep[j]);
			moved = moved.filter((_, j) => keep[j]);
			k = m;
		} else {
			cx = nx;
			cy = ny;
		}
		if (done || iterations >= maxIters) break;
		loosen(a, upper, lower, moved, k);
	}
	const clusters: Cluster[] = ids.map((id, j) => ({ id, members: [], cx: cx[j], cy: cy[j] }));
	for (let i = 0; i < n; i++) clusters[a[i]].members.push(i);
	return { clusters, iterations };
}
