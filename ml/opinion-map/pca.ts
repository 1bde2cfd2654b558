/**
 * Two-component PCA by power iteration (polismath `pca.clj` `powerit-pca`, `power-iteration`,
 * `factor-matrix`), exploiting sparsity.
 *
 * Polis imputes every missing vote with its column mean and centres every column on that same
 * mean, so the centred matrix is exactly sparse: (vote − mean) on observed cells, 0 elsewhere.
 * Zeroed (moderated-out / meta) columns vanish entirely. XᵀX·v is therefore computed from the
 * sparse votes alone in O(votes) per iteration, without materialising the dense matrix.
 *
 * Departures from Polis, all documented in README.md:
 * - Both components are iterated together (block power iteration with a 2×2 Rayleigh–Ritz step and
 *   Gram–Schmidt re-orthonormalisation). The fixed point is the same pair of components that
 *   Polis's one-at-a-time deflated power iteration converges to; it just gets there in fewer
 *   sweeps over the votes.
 * - The cold-start vectors come from a seeded PRNG (Polis: unseeded `rand()`, quirk Q12).
 * - Iteration stops once no vector moves more than `tolerance` (L2), and is capped at `maxIters`
 *   sweeps when warm-started (Polis's 100) or `coldIters` on a cold start, so that a one-shot run
 *   lands where Polis's many warm-started updates have converged to. Polis stops only on an exactly
 *   repeated eigenvalue or after 100 iterations.
 * - Sign: a warm-started component keeps the orientation of its start vector, so the map does not
 *   flip between updates; a cold-started one is oriented so its largest-|loading| entry is positive
 *   (the first such entry on exact ties). Polis leaves signs arbitrary.
 */
import type { VoteMatrix } from './vote-matrix';

export interface CenteredMatrix {
	nRows: number;
	nCols: number;
	rowPtr: Int32Array;
	colIdx: Int32Array;
	x: Float64Array;
}

export interface PcaResult {
	center: Float64Array;
	comps: Float64Array[];
	iterations: number[];
	eigenvalues: number[];
}

export interface PcaOptions {
	nComps: number;
	maxIters: number;
	coldIters: number;
	tolerance: number;
	/** Previous components aligned to the current columns; null entries start cold. */
	startVectors?: Array<Float64Array | null>;
	rng: () => number;
}

/** Centred sparse matrix without the zeroed columns. */
export function centeredSparse(m: VoteMatrix, means: Float64Array): CenteredMatrix {
	const nRows = m.rows.length;
	const rowPtr = new Int32Array(nRows + 1);
	let keep = 0;
	for (let e = 0; e < m.colIdx.length; e++) if (!m.modOut[m.colIdx[e]]) keep++;
	const colIdx = new Int32Array(keep);
	const x = new Float64Array(keep);
	let w = 0;
	for (let r = 0; r < nRows; r++) {
		for (let e = m.rowPtr[r]; e < m.rowPtr[r + 1]; e++) {
			const c = m.colIdx[e];
			if (m.modOut[c]) continue;
			colIdx[w] = c;
			x[w] = m.val[e] - means[c];
			w++;
		}
		rowPtr[r + 1] = w;
	}
	return { nRows, nCols: m.cols.length, rowPtr, colIdx, x };
}

/** (out1, out2) = XᵀX·(v1, v2) in one pass over the non-zeros; v2/out2 may be null. */
export function xtxMultiply(
	X: CenteredMatrix,
	v1: Float64Array,
	out1: Float64Array,
	v2: Float64Array | null = null,
	out2: Float64Array | null = null
): void {
	out1.fill(0);
	const { rowPtr, colIdx, x } = X;
	if (!v2 || !out2) {
		for (let r = 0; r < X.nRows; r++) {
			const a = rowPtr[r];
			const b = rowPtr[r + 1];
			let s = 0;
			for (let e = a; e < b; e++) s += x[e] * v1[colIdx[e]];
			if (s === 0) continue;
			for (let e = a; e < b; e++) out1[colIdx[e]] += s * x[e];
		}
		return;
	}
	out2.fill(0);
	for (let r = 0; r < X.nRows; r++) {
		const a = rowPtr[r];
		const b = rowPtr[r + 1];
		let s = 0;
		let t = 0;
		for (let e = a; e < b; e++) {
			const c = colIdx[e];
			s += x[e] * v1[c];
			t += x[e] * v2[c];
		}
		for (let e = a; e < b; e++) {
			const c = colIdx[e];
			out1[c] += s * x[e];
			out2[c] += t * x[e];
		}
	}
}

function dot(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

function scaleInPlace(v: Float64Array, f: number): void {
	for (let i = 0; i < v.length; i++) v[i] *= f;
}

/** Orients v so that its largest-magnitude entry is positive. */
export function normaliseSign(v: Float64Array): void {
	let best = 0;
	for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
	if (v[best] < 0) scaleInPlace(v, -1);
}

/**
 * Gram–Schmidt on the columns in place; a column that (numerically) lies in the span of the
 * earlier ones becomes zero. Returns the norms before normalisation.
 */
function orthonormalise(cols: Float64Array[]): number[] {
	const norms: number[] = [];
	for (let k = 0; k < cols.length; k++) {
		const v = cols[k];
		const before = Math.sqrt(dot(v, v));
		for (let j = 0; j < k; j++) {
			const c = dot(cols[j], v);
			if (c !== 0) for (let i = 0; i < v.length; i++) v[i] -= c * cols[j][i];
		}
		const n = Math.sqrt(dot(v, v));
		if (n > 1e-10 * Math.max(before, norms[0] ?? 0)) scaleInPlace(v, 1 / n);
		else v.fill(0);
		norms.push(n);
	}
	return norms;
}

/** Eigen-decomposition of the symmetric 2×2 [[a, b], [b, d]], larger eigenvalue first. */
function eigSym2(a: number, b: number, d: number): { values: [number, number]; q: number[][] } {
	if (b === 0) {
		return a >= d
			? {
					values: [a, d],
					q: [
						[1, 0],
						[0, 1]
					]
				}
			: {
					values: [d, a],
					q: [
						[0, 1],
						[1, 0]
					]
				};
	}
	const mid = (a + d) / 2;
	const rad = Math.hypot((a - d) / 2, b);
	const l1 = mid + rad;
	const l2 = mid - rad;
	// Eigenvector of l1 is (b, l1 − a) (or (l1 − d, b), the better conditioned of the two).
	let u1x = b;
	let u1y = l1 - a;
	if (Math.abs(l1 - d) > Math.abs(u1y)) {
		u1x = l1 - d;
		u1y = b;
	}
	const n1 = Math.hypot(u1x, u1y);
	u1x /= n1;
	u1y /= n1;
	// q[i][j]: component i of eigenvector j.
	return {
		values: [l1, l2],
		q: [
			[u1x, -u1y],
			[u1y, u1x]
		]
	};
}

/**
 * Block power iteration (subspace iteration with a Rayleigh–Ritz step) for the top `p ≤ 2`
 * eigenvectors of XᵀX. Each sweep multiplies both vectors in one pass over the votes, rotates
 * them to the Ritz vectors of the 2×2 projected matrix and re-orthonormalises (the Gram–Schmidt
 * deflation of Polis). It converges to the same components as Polis's one-at-a-time deflated power
 * iteration, but PC1 converges at rate λ3/λ1 instead of λ2/λ1.
 */
export function blockPowerIteration(
	X: CenteredMatrix,
	start: Float64Array[],
	maxIters: number,
	tolerance: number
): { vectors: Float64Array[]; eigenvalues: number[]; iterations: number } {
	const n = X.nCols;
	const p = start.length;
	let V = start.map((s) => Float64Array.from(s));
	orthonormalise(V);
	let W = V.map(() => new Float64Array(n));
	let values = V.map(() => 0);
	let it = 0;
	while (it < maxIters) {
		xtxMultiply(X, V[0], W[0], V[1] ?? null, W[1] ?? null);
		it++;
		if (p === 2) {
			// Rayleigh–Ritz: rotate V and W = XᵀX·V by the eigenvectors of H = VᵀW.
			const { values: ev, q } = eigSym2(dot(V[0], W[0]), dot(V[0], W[1]), dot(V[1], W[1]));
			values = ev;
			for (const M of [V, W]) {
				const [m0, m1] = M;
				for (let i = 0; i < n; i++) {
					const a = m0[i];
					const b = m1[i];
					m0[i] = a * q[0][0] + b * q[1][0];
					m1[i] = a * q[0][1] + b * q[1][1];
				}
			}
		}
		const norms = orthonormalise(W);
		if (p === 1) values = [norms[0]];
		let moved = 0;
		for (let k = 0; k < p; k++) {
			// Ritz vectors carry no sign: keep each column pointing the way it did.
			if (dot(W[k], V[k]) < 0) scaleInPlace(W[k], -1);
			let d2 = 0;
			for (let i = 0; i < n; i++) d2 += (W[k][i] - V[k][i]) ** 2;
			moved = Math.max(moved, Math.sqrt(d2));
		}
		[V, W] = [W, V];
		if (norms.every((x) => x === 0) || moved < tolerance) break;
	}
	return { vectors: V, eigenvalues: values, iterations: it };
}

export function powerIterationPca(
	X: CenteredMatrix,
	means: Float64Array,
	o: PcaOptions
): PcaResult {
	const nComps = Math.min(o.nComps, 2, X.nRows, X.nCols);
	const start: Float64Array[] = [];
	let warm = nComps > 0;
	for (let k = 0; k < nComps; k++) {
		const s = o.startVectors?.[k] ?? null;
		if (s && s.some((x) => x !== 0)) start.push(Float64Array.from(s));
		else {
			warm = false;
			start.push(Float64Array.from({ length: X.nCols }, () => o.rng()));
		}
	}
	if (nComps === 0) return { center: means, comps: [], iterations: [], eigenvalues: [] };
	const run = blockPowerIteration(X, start, warm ? o.maxIters : o.coldIters, o.tolerance);
	run.vectors.forEach((v, k) => {
		if (warm) {
			if (dot(v, start[k]) < 0) scaleInPlace(v, -1);
		} else {
			normaliseSign(v);
		}
	});
	return {
		center: means,
		comps: run.vectors,
		iterations: run.vectors.map(() => run.iterations),
		eigenvalues: run.eigenvalues
	};
}

/** Maps stored components (keyed by comment id) onto the current columns; new columns start at 0. */
export function alignStartVectors(
	stored: { tids: string[]; comps: number[][] } | null,
	cols: string[]
): Float64Array[] {
	if (!stored) return [];
	const at = new Map<string, number>();
	stored.tids.forEach((t, i) => at.set(t, i));
	return stored.comps.map((comp) => {
		const v = new Float64Array(cols.length);
		cols.forEach((t, c) => {
			const i = at.get(t);
			if (i !== undefined) v[c] = comp[i] ?? 0;
		});
		return v;
	});
}
