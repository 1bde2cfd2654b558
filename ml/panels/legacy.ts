/**
 * The Sortition Foundation's legacy greedy algorithm (`find_random_sample_legacy` in
 * stratification.py / sortition-algorithms `committee_generation/legacy.py`), kept as the
 * baseline LEXIMIN is compared with:
 *
 * - values with max 0 are emptied first;
 * - each seat goes to the most urgent category value, the one with the largest
 *   (min − selected) / remaining (first in quota order on ties), to a volunteer drawn uniformly
 *   among those remaining in it;
 * - the chosen volunteer's housemates leave the pool; a value that reaches its max is emptied;
 * - an attempt fails when a value can no longer reach its min, the pool runs out, or the finished
 *   panel misses a min; up to `maxAttempts` (the reference's default 100) attempts are made.
 *
 * Its selection probabilities have no closed form; `estimateLegacy` repeats the draw.
 */
import type { PanelInstance } from './types';
import type { Rng } from './prng';

export class LegacyFailedError extends Error {
	constructor(attempts: number) {
		super(`the legacy algorithm found no panel within its quotas in ${attempts} attempts`);
		this.name = 'LegacyFailedError';
	}
}

/** The pool in flat arrays, built once and reused by every draw. */
export class LegacyPool {
	readonly ids: string[];
	private readonly C: number;
	private readonly R: number;
	/** Person i's row (flat category-value index) in category c: rowOf[i*C + c]. */
	private readonly rowOf: Int32Array;
	private readonly hh: Int32Array;
	private readonly hhMembers: number[][];
	private readonly min: Int32Array;
	private readonly max: Int32Array;
	private readonly rowStart: Int32Array;
	private readonly initialList: Int32Array;
	private readonly initialPos: Int32Array;
	private readonly initialLen: Int32Array;

	constructor(readonly inst: PanelInstance) {
		const C = inst.categories.length;
		this.C = C;
		const offset: number[] = [];
		let R = 0;
		const min: number[] = [];
		const max: number[] = [];
		for (const cat of inst.categories) {
			offset.push(R);
			R += cat.values.length;
			for (const v of cat.values) {
				min.push(v.min);
				max.push(v.max);
			}
		}
		this.R = R;
		this.min = Int32Array.from(min);
		this.max = Int32Array.from(max);
		const ids: string[] = [];
		const rowOf: number[] = [];
		const hhKey: (string | undefined)[] = [];
		for (const t of inst.types)
			for (const id of t.members) {
				ids.push(id);
				t.valueIndex.forEach((v, c) => rowOf.push(offset[c] + v));
				hhKey.push(t.household);
			}
		this.ids = ids;
		this.rowOf = Int32Array.from(rowOf);
		const N = ids.length;
		const hhIndex = new Map<string, number>();
		this.hh = new Int32Array(N).fill(-1);
		this.hhMembers = [];
		hhKey.forEach((k, i) => {
			if (k === undefined) return;
			let h = hhIndex.get(k);
			if (h === undefined) {
				h = this.hhMembers.length;
				hhIndex.set(k, h);
				this.hhMembers.push([]);
			}
			this.hh[i] = h;
			this.hhMembers[h].push(i);
		});
		const len = new Int32Array(R);
		for (let i = 0; i < N * C; i++) len[this.rowOf[i]]++;
		this.rowStart = new Int32Array(R + 1);
		for (let r = 0; r < R; r++) this.rowStart[r + 1] = this.rowStart[r] + len[r];
		this.initialList = new Int32Array(N * C);
		this.initialPos = new Int32Array(N * C);
		const fill = new Int32Array(R);
		for (let i = 0; i < N; i++)
			for (let c = 0; c < C; c++) {
				const r = this.rowOf[i * C + c];
				this.initialPos[i * C + c] = fill[r];
				this.initialList[this.rowStart[r] + fill[r]++] = i;
			}
		this.initialLen = len;
	}

	/** One attempt; the selected person indices, or null when the attempt fails. */
	private attempt(rng: Rng): number[] | null {
		const { C, R, rowOf, min, max, rowStart } = this;
		const k = this.inst.size;
		const list = this.initialList.slice();
		const pos = this.initialPos.slice();
		const remaining = this.initialLen.slice();
		const selected = new Int32Array(R);
		const alive = new Uint8Array(this.ids.length).fill(1);
		let left = this.ids.length;
		// Removes person i from every list; false when a value can then no longer reach its min.
		const remove = (i: number, chosen: boolean): boolean => {
			alive[i] = 0;
			left--;
			let ok = true;
			for (let c = 0; c < C; c++) {
				const r = rowOf[i * C + c];
				if (chosen) selected[r]++;
				const p = pos[i * C + c];
				const last = list[rowStart[r] + remaining[r] - 1];
				list[rowStart[r] + p] = last;
				pos[last * C + c] = p;
				remaining[r]--;
				if (remaining[r] === 0 && selected[r] < min[r]) ok = false;
			}
			return ok;
		};
		const empty = (r: number): boolean => {
			while (remaining[r] > 0) if (!remove(list[rowStart[r]], false)) return false;
			return true;
		};
		for (let r = 0; r < R; r++) if (max[r] === 0 && !empty(r)) return null;
		const out: number[] = [];
		for (let count = 0; count < k; count++) {
			let best = -1;
			let ratio = -100;
			for (let r = 0; r < R; r++) {
				const need = min[r] - selected[r];
				if (need > 0 && remaining[r] < need) return null;
				if (remaining[r] === 0 || max[r] === 0) continue;
				const q = need / remaining[r];
				if (q > ratio) {
					ratio = q;
					best = r;
				}
			}
			if (best < 0) return null;
			const i = list[rowStart[best] + rng.below(remaining[best])];
			out.push(i);
			if (!remove(i, true)) return null;
			const h = this.hh[i];
			if (h >= 0) for (const j of this.hhMembers[h]) if (alive[j] && !remove(j, false)) return null;
			for (let c = 0; c < C; c++) {
				const r = rowOf[i * C + c];
				if (selected[r] === max[r] && !empty(r)) return null;
			}
			if (count < k - 1 && left === 0) return null;
		}
		for (let r = 0; r < R; r++) if (selected[r] < min[r]) return null;
		return out;
	}

	/** One legacy panel (person indices), retrying failed attempts. */
	drawIndices(rng: Rng, maxAttempts = 100): number[] {
		for (let a = 0; a < maxAttempts; a++) {
			const p = this.attempt(rng);
			if (p) return p;
		}
		throw new LegacyFailedError(maxAttempts);
	}

	draw(rng: Rng, maxAttempts = 100): string[] {
		return this.drawIndices(rng, maxAttempts).map((i) => this.ids[i]);
	}
}

/** Selection probability of every volunteer under the legacy algorithm, by `draws` repetitions. */
export function estimateLegacy(
	pool: LegacyPool,
	rng: Rng,
	draws = 10_000,
	maxAttempts = 100
): { probabilities: Map<string, number>; draws: number } {
	const hits = new Float64Array(pool.ids.length);
	for (let d = 0; d < draws; d++) for (const i of pool.drawIndices(rng, maxAttempts)) hits[i]++;
	return {
		probabilities: new Map(pool.ids.map((id, i) => [id, hits[i] / draws])),
		draws
	};
}
