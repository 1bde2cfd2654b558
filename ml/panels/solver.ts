/**
 * HiGHS (the `highs` npm package: HiGHS compiled to WebAssembly, single-threaded) and the one
 * integer model every algorithm here needs: the feasible panels, over type counts.
 *
 *   c_t ∈ {0, …, |t|}                      integer, members of type t on the panel
 *   Σ_t c_t = size
 *   min_q ≤ Σ_{t has value q} c_t ≤ max_q   for every quota q
 *   Σ_{t ∈ H} c_t ≤ 1                       for every shared household H
 *
 * This is the Sortition Foundation's `_setup_committee_generation` with one binary per person
 * replaced by one bounded integer per type.
 */
import loadHighs, { type Highs, type Model } from 'highs';
import type { PanelInstance } from './types';

let runtime: Promise<Highs> | undefined;

/** The WebAssembly runtime, loaded once per process. */
export function highs(): Promise<Highs> {
	runtime ??= loadHighs();
	return runtime;
}

export const OPTIMAL = 7;
export const INFEASIBLE = 8;

export class SolverError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SolverError';
	}
}

/** Rows of the quota constraints: for each (category, value), the types that have it. */
export function quotaRows(inst: PanelInstance): { c: number; v: number; types: number[] }[] {
	const rows = inst.categories.flatMap((cat, c) =>
		cat.values.map((_, v) => ({ c, v, types: [] as number[] }))
	);
	const offset: number[] = [];
	let o = 0;
	for (const cat of inst.categories) {
		offset.push(o);
		o += cat.values.length;
	}
	inst.types.forEach((t, i) => t.valueIndex.forEach((v, c) => rows[offset[c] + v].types.push(i)));
	return rows;
}

/** Pricing model: maximise Σ w_t c_t over feasible panels. Dispose when done. */
export class PanelModel {
	readonly model: Model;
	private readonly nTypes: number;
	/** Milliseconds spent in the MILP. */
	ms = 0;

	constructor(
		readonly h: Highs,
		readonly inst: PanelInstance
	) {
		const T = inst.types.length;
		this.nTypes = T;
		const m = h.createModel();
		this.model = m;
		m.options.set({ output_flag: false, mip_rel_gap: 1e-9, mip_abs_gap: 1e-10 });
		m.addVars(
			new Float64Array(T),
			Float64Array.from(inst.types, (t) => t.members.length)
		);
		if (T > 0)
			m.changeColsIntegrality({ kind: 'range', from: 0, to: T - 1 }, new Int32Array(T).fill(1));
		const all = Int32Array.from({ length: T }, (_, i) => i);
		m.addRow(inst.size, inst.size, { indices: all, values: new Float64Array(T).fill(1) });
		for (const r of quotaRows(inst)) {
			const q = inst.categories[r.c].values[r.v];
			m.addRow(q.min, q.max, {
				indices: r.types,
				values: new Float64Array(r.types.length).fill(1)
			});
		}
		for (const hh of inst.households)
			m.addRow(-h.infinity, 1, { indices: hh, values: new Float64Array(hh.length).fill(1) });
		m.changeObjectiveSense(h.constants.objectiveSense.maximize);
	}

	/**
	 * The feasible panel of largest weight, its weight, and an upper bound on the largest weight
	 * (HiGHS's MIP dual bound), or null if no panel is feasible.
	 */
	best(weights: ArrayLike<number>): { panel: Int32Array; value: number; bound: number } | null {
		const T = this.nTypes;
		this.model.changeColsCost({ kind: 'range', from: 0, to: T - 1 }, Float64Array.from(weights));
		const t0 = performance.now();
		const { modelStatus } = this.model.run();
		this.ms += performance.now() - t0;
		if (modelStatus === INFEASIBLE) return null;
		if (modelStatus !== OPTIMAL)
			throw new SolverError(`panel MILP ended with HiGHS model status ${modelStatus}`);
		const x = this.model.getSolution().colValue;
		const panel = new Int32Array(T);
		let value = 0;
		for (let i = 0; i < T; i++) {
			panel[i] = Math.round(x[i]);
			value += panel[i] * weights[i];
		}
		const bound = Number(this.model.info.get('mip_dual_bound'));
		return { panel, value, bound: Number.isFinite(bound) ? Math.max(bound, value) : value };
	}

	dispose(): void {
		this.model.dispose();
	}
}

/** Canonical text of a type panel (for sets and sorting). */
export const panelKey = (p: ArrayLike<number>): string => Array.prototype.join.call(p, ',');

/**
 * Swap local search: from a feasible panel, move one seat from type a to type b while that
 * raises Σ w_t c_t and keeps every quota and household rule. A fast source of improving panels
 * for column generation; the MILP is still what proves that none is left.
 */
export class SwapSearch {
	private readonly rows: number[][];
	private readonly household: Int32Array;

	constructor(readonly inst: PanelInstance) {
		const offset: number[] = [];
		let o = 0;
		for (const cat of inst.categories) {
			offset.push(o);
			o += cat.values.length;
		}
		this.rows = inst.types.map((t) => t.valueIndex.map((v, c) => offset[c] + v));
		this.household = new Int32Array(inst.types.length).fill(-1);
		inst.households.forEach((hh, i) => hh.forEach((t) => (this.household[t] = i)));
	}

	improve(start: ArrayLike<number>, w: ArrayLike<number>): Int32Array {
		const inst = this.inst;
		const T = inst.types.length;
		const p = Int32Array.from(start);
		const lo: number[] = [];
		const hi: number[] = [];
		for (const cat of inst.categories)
			for (const v of cat.values) {
				lo.push(v.min);
				hi.push(v.max);
			}
		const count = new Int32Array(lo.length);
		const hhCount = new Int32Array(inst.households.length);
		for (let t = 0; t < T; t++) {
			if (!p[t]) continue;
			for (const r of this.rows[t]) count[r] += p[t];
			if (this.household[t] >= 0) hhCount[this.household[t]] += p[t];
		}
		// First improvement per seat: each type on the panel gives a seat to the best type it may,
		// passes repeat until one changes nothing.
		for (let pass = 0; pass < 10 * inst.size + 100; pass++) {
			let improved = false;
			for (let a = 0; a < T; a++) {
				while (p[a] > 0) {
					const ra = this.rows[a];
					let bestGain = 1e-12;
					let bb = -1;
					for (let b = 0; b < T; b++) {
						const gain = w[b] - w[a];
						if (gain <= bestGain || b === a || p[b] >= inst.types[b].members.length) continue;
						const hb = this.household[b];
						if (hb >= 0 && hb !== this.household[a] && hhCount[hb] >= 1) continue;
						const rb = this.rows[b];
						let ok = true;
						for (let c = 0; c < ra.length; c++) {
							if (ra[c] === rb[c]) continue;
							if (count[ra[c]] - 1 < lo[ra[c]] || count[rb[c]] + 1 > hi[rb[c]]) {
								ok = false;
								break;
							}
						}
						if (ok) {
							bestGain = gain;
							bb = b;
						}
					}
					if (bb < 0) break;
					p[a]--;
					p[bb]++;
					for (const r of ra) count[r]--;
					for (const r of this.rows[bb]) count[r]++;
					if (this.household[a] >= 0) hhCount[this.household[a]]--;
					if (this.household[bb] >= 0) hhCount[this.household[bb]]++;
					improved = true;
				}
			}
			if (!improved) break;
		}
		return p;
	}
}
