/**
 * The draw's random numbers, fixed exactly so that anyone can repeat a draw from the published
 * data and seed with another implementation:
 *
 * - state: SHA-256 of the seed's UTF-8 bytes; its first 16 bytes as four little-endian 32-bit
 *   words s0..s3 (an all-zero state, probability 2⁻¹²⁸, becomes s0 = 1);
 * - generator: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c),
 *   one 32-bit output per step;
 * - `below(n)`, a uniform integer in [0, n): Lemire's rejection — take the next output u, reject
 *   while u ≥ 2³² − (2³² mod n), then u mod n;
 * - `float()`, uniform in [0, 1): (a >>> 5) · 2²⁶ + (b >>> 6), divided by 2⁵³, from two outputs a, b
 *   (the 53-bit construction of the reference generator's page).
 */
import { createHash } from 'node:crypto';

export interface Rng {
	/** Next 32-bit output. */
	next(): number;
	/** Uniform integer in [0, n), n ≤ 2³². */
	below(n: number): number;
	/** Uniform in [0, 1) with 53 random bits. */
	float(): number;
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

export function seededRng(seed: string): Rng {
	const h = createHash('sha256').update(seed, 'utf8').digest();
	let s0 = h.readUInt32LE(0);
	let s1 = h.readUInt32LE(4);
	let s2 = h.readUInt32LE(8);
	let s3 = h.readUInt32LE(12);
	if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
	const next = (): number => {
		const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
		const t = (s1 << 9) >>> 0;
		s2 ^= s0;
		s3 ^= s1;
		s1 ^= s2;
		s0 ^= s3;
		s2 ^= t;
		s3 = rotl(s3 >>> 0, 11);
		s0 >>>= 0;
		s1 >>>= 0;
		s2 >>>= 0;
		return result;
	};
	return {
		next,
		below(n: number): number {
			if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(${n})`);
			const limit = 2 ** 32 - (2 ** 32 % n);
			for (;;) {
				const u = next();
				if (u < limit) return u % n;
			}
		},
		float(): number {
			const a = next() >>> 5;
			const b = next() >>> 6;
			return (a * 67108864 + b) / 9007199254740992;
		}
	};
}
