import { PCA } from 'ml-pca';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import {
	alignStartVectors,
	centeredSparse,
	normaliseSign,
	powerIterationPca,
	xtxMultiply,
	type PcaOptions
} from './pca';
import { buildVoteMatrix, columnMeans } from './vote-matrix';
import type { OpinionMapInput, Vote, VoteRecord } from './types';

/** A small sparse conversation with two opinion camps. */
function conversation(seed: number, nP = 40, nC = 12, density = 0.7): OpinionMapInput {
	const rnd = mulberry32(seed);
	const votes: VoteRecord[] = [];
	for (let p = 0; p < nP; p++) {
		for (let c = 0; c < nC; c++) {
			if (rnd() > density) continue;
			const camp = p % 2 === 0 ? 1 : -1;
			const lean = c % 3 === 0 ? camp : c % 3 === 1 ? -camp : 0;
			const u = rnd();
			const vote: Vote =
				u < 0.15
					? 0
					: u < 0.75
						? lean === 0
							? 1
							: (lean as Vote)
						: lean === 0
							? -1
							: (-lean as Vote);
			votes.push({ pid: `p${p}`, tid: `c${c}`, vote });
		}
	}
	return {
		participants: Array.from({ length: nP }, (_, i) => `p${i}`),
		comments: Array.from({ length: nC }, (_, i) => `c${i}`),
		votes
	};
}

const opts = (seed = 1): PcaOptions => ({
	nComps: 2,
	maxIters: 100,
	coldIters: 1000,
	tolerance: 1e-12,
	rng: mulberry32(seed)
});

/** Dense mean-imputed matrix, as Polis builds it. */
function denseImputed(input: OpinionMapInput): number[][] {
	const m = buildVoteMatrix(input);
	const mean = columnMeans(m);
	return m.rows.map((_, r) => {
		const row = Array.from(mean);
		for (let e = m.rowPtr[r]; e < m.rowPtr[r + 1]; e++) row[m.colIdx[e]] = m.val[e];
		return row;
	});
}

describe('sparse power-iteration PCA', () => {
	const input = conversation(7);
	const m = buildVoteMatrix(input);
	const means = columnMeans(m);
	const X = centeredSparse(m, means);

	it('computes XᵀX·v from the sparse votes exactly like the dense centred matrix', () => {
		const dense = denseImputed(input).map((row) => row.map((x, c) => x - means[c]));
		const v = Float64Array.from({ length: m.cols.length }, (_, i) => Math.cos(i));
		const out = new Float64Array(v.length);
		xtxMultiply(X, v, out);
		const expected = new Float64Array(v.length);
		for (const row of dense) {
			const s = row.reduce((acc, x, c) => acc + x * v[c], 0);
			row.forEach((x, c) => (expected[c] += s * x));
		}
		out.forEach((x, c) => expect(x).toBeCloseTo(expected[c], 10));
	});

	it('finds the same two components as ml-pca on the imputed matrix', () => {
		const ref = new PCA(denseImputed(input), { center: true });
		const U = ref.getEigenvectors();
		const ours = powerIterationPca(X, means, opts());
		for (let k = 0; k < 2; k++) {
			const col = U.getColumn(k);
			const cos = ours.comps[k].reduce((s, x, i) => s + x * col[i], 0);
			expect(Math.abs(cos)).toBeCloseTo(1, 8);
			// ml-pca reports covariance eigenvalues: ours / (n − 1).
			expect(ours.eigenvalues[k] / (m.rows.length - 1)).toBeCloseTo(ref.getEigenvalues()[k], 8);
		}
		expect(ours.comps[0].reduce((s, x, i) => s + x * ours.comps[1][i], 0)).toBeCloseTo(0, 10);
	});

	it('gives the same signs whatever the random start', () => {
		const a = powerIterationPca(X, means, opts(1));
		const b = powerIterationPca(X, means, opts(99));
		for (let k = 0; k < 2; k++) {
			a.comps[k].forEach((x, i) => expect(x).toBeCloseTo(b.comps[k][i], 8));
			// The largest-|loading| entry is positive.
			const big = a.comps[k].reduce((bi, x, i, v) => (Math.abs(x) > Math.abs(v[bi]) ? i : bi), 0);
			expect(a.comps[k][big]).toBeGreaterThan(0);
		}
	});

	it('keeps the orientation of warm-start vectors and converges at once', () => {
		const cold = powerIterationPca(X, means, opts());
		const flipped = cold.comps.map((v) => Float64Array.from(v, (x) => -x));
		const warm = powerIterationPca(X, means, { ...opts(), startVectors: flipped });
		expect(warm.iterations[0]).toBeLessThanOrEqual(2);
		warm.comps[0].forEach((x, i) => expect(x).toBeCloseTo(-cold.comps[0][i], 8));
	});

	it('aligns stored components to new columns by comment id, new columns at 0', () => {
		const start = alignStartVectors({ tids: ['b', 'a'], comps: [[0.6, 0.8]] }, ['a', 'new', 'b']);
		expect(Array.from(start[0])).toEqual([0.8, 0, 0.6]);
		expect(alignStartVectors(null, ['a'])).toEqual([]);
	});

	it('normalises the sign so the largest loading is positive', () => {
		const v = Float64Array.of(0.1, -0.9, 0.3);
		normaliseSign(v);
		expect(Array.from(v)).toEqual([-0.1, 0.9, -0.3]);
	});

	it('returns zero components for a matrix without variance', () => {
		const flat = buildVoteMatrix({
			participants: ['a', 'b'],
			comments: ['x', 'y'],
			votes: [
				{ pid: 'a', tid: 'x', vote: 1 },
				{ pid: 'b', tid: 'x', vote: 1 },
				{ pid: 'a', tid: 'y', vote: -1 }
			]
		});
		const mm = columnMeans(flat);
		const r = powerIterationPca(centeredSparse(flat, mm), mm, opts());
		expect(r.comps).toHaveLength(2);
		for (const v of r.comps) expect(v.every((x) => x === 0)).toBe(true);
	});
});
