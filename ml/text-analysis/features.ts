/**
 * Hashed sparse features of a text (the "hashing trick", Weinberger et al. 2009): every
 * feature string is hashed (FNV-1a, 32 bit) into one of `dim` buckets, with a second hash bit
 * as its sign so that collisions cancel rather than add up. The vector is log(1 + count) per
 * bucket, L2-normalised. Feature kinds (each prefixed so kinds never share a string):
 * - `c:` character 2–5-grams of every word with boundary marks ("<jono", "tus>"): sub-word
 *   units that survive Finnish inflection and compounding;
 * - `w:` light stems (normalise.ts) and `n:` stems in a negation's scope (the three words after
 *   "ei", "inte", "not"...): "ei ollut ystävällinen" is not "ystävällinen";
 * - `b:` stem bigrams.
 * The baseline of the bench uses `charOnly` (character 2–5-grams only).
 */
import { NEGATIONS, stem, tokenise } from './normalise';

export interface FeatureSpec {
	dim: number;
	minN: number;
	maxN: number;
	words: boolean;
}

export const DEFAULT_SPEC: FeatureSpec = { dim: 1 << 14, minN: 2, maxN: 5, words: true };
export const CHAR_ONLY_SPEC: FeatureSpec = { dim: 1 << 14, minN: 2, maxN: 5, words: false };

export interface SparseVector {
	index: Int32Array;
	value: Float32Array;
}

/** FNV-1a over the UTF-16 code units. */
export function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

const NEGATION_SCOPE = 3;

/** The feature strings of a text (before hashing); exported for tests and explanations. */
export function featureStrings(text: string, spec: FeatureSpec = DEFAULT_SPEC): string[] {
	const words = tokenise(text);
	const out: string[] = [];
	for (const w of words) {
		const padded = `<${w}>`;
		for (let n = spec.minN; n <= spec.maxN; n++) {
			for (let i = 0; i + n <= padded.length; i++) out.push('c:' + padded.slice(i, i + n));
		}
	}
	if (spec.words) {
		let scope = 0;
		let prev = '';
		for (const w of words) {
			const s = stem(w);
			if (NEGATIONS.has(w)) {
				scope = NEGATION_SCOPE;
				out.push('w:' + w);
			} else if (scope > 0) {
				out.push('n:' + s);
				scope--;
			} else {
				out.push('w:' + s);
			}
			if (prev) out.push('b:' + prev + ' ' + s);
			prev = s;
		}
	}
	return out;
}

/** The hashed, L2-normalised sparse vector of a text (indices sorted). */
export function featurise(text: string, spec: FeatureSpec = DEFAULT_SPEC): SparseVector {
	const counts = new Map<number, number>();
	const mask = spec.dim - 1;
	for (const f of featureStrings(text, spec)) {
		const h = fnv1a(f);
		const idx = h & mask;
		const sign = h & 0x80000000 ? -1 : 1;
		counts.set(idx, (counts.get(idx) ?? 0) + sign);
	}
	const entries = [...counts.entries()].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
	const index = new Int32Array(entries.length);
	const value = new Float32Array(entries.length);
	let norm = 0;
	entries.forEach(([i, c], k) => {
		const v = Math.sign(c) * Math.log1p(Math.abs(c));
		index[k] = i;
		value[k] = v;
		norm += v * v;
	});
	norm = Math.sqrt(norm) || 1;
	for (let k = 0; k < value.length; k++) value[k] /= norm;
	return { index, value };
}

/**
 * Inverse document frequencies per bucket (smoothed, sklearn's formula) for the TF-IDF
 * baseline: idf = ln((1 + n) / (1 + df)) + 1.
 */
export function idfWeights(vectors: SparseVector[], dim: number): Float32Array {
	const df = new Float32Array(dim);
	for (const v of vectors) for (const i of v.index) df[i]++;
	const idf = new Float32Array(dim);
	for (let i = 0; i < dim; i++) idf[i] = Math.log((1 + vectors.length) / (1 + df[i])) + 1;
	return idf;
}

/** Applies IDF weights and renormalises (a new vector). */
export function applyIdf(v: SparseVector, idf: Float32Array): SparseVector {
	const value = new Float32Array(v.value.length);
	let norm = 0;
	for (let k = 0; k < v.index.length; k++) {
		value[k] = v.value[k] * idf[v.index[k]];
		norm += value[k] * value[k];
	}
	norm = Math.sqrt(norm) || 1;
	for (let k = 0; k < value.length; k++) value[k] /= norm;
	return { index: v.index, value };
}
