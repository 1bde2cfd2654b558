/**
 * Infeasible quotas: which quota conflicts, and by how much, before any draw.
 *
 * The simple checks (minimums above the size, maximums below it, a value with fewer volunteers
 * than its min) are in `buildInstance`. When they pass and still no panel meets every quota
 * (quotas of different categories conflict through who is in the pool), this solves the
 * Sortition Foundation's `_relax_infeasible_quotas` ILP: integer slacks lower a min or raise a
 * max, within `min_flex`/`max_flex`, minimising Σ (1 + 2/min) · lowering + Σ raising (lowering a
 * low minimum weighs more), over the same panel model with household rules.
 */
import { OPTIMAL, INFEASIBLE, SolverError, highs, quotaRows } from './solver';
import type { PanelInstance } from './types';

export interface QuotaRelaxation {
	category: string;
	value: string;
	bound: 'min' | 'max';
	from: number;
	to: number;
}

export type Diagnosis =
	{ feasible: true } | { feasible: false; relaxations: QuotaRelaxation[]; withinFlex: boolean };

export async function diagnose(inst: PanelInstance): Promise<Diagnosis> {
	const h = await highs();
	const T = inst.types.length;
	const rows = quotaRows(inst);
	const Q = rows.length;
	const m = h.createModel();
	try {
		m.options.set({ output_flag: false });
		const solve = (withFlex: boolean) => {
			m.clearModel();
			const lower = new Float64Array(T + 2 * Q);
			const upper = new Float64Array(T + 2 * Q);
			const cost = new Float64Array(T + 2 * Q);
			inst.types.forEach((t, i) => (upper[i] = t.members.length));
			rows.forEach((r, q) => {
				const v = inst.categories[r.c].values[r.v];
				upper[T + q] = withFlex ? v.min - v.minFlex : v.min;
				upper[T + Q + q] =
					withFlex && Number.isFinite(v.maxFlex) ? v.maxFlex - v.max : inst.poolSize;
				cost[T + q] = v.min === 0 ? 0 : 1 + 2 / v.min;
				cost[T + Q + q] = 1;
			});
			m.addVars(lower, upper);
			m.changeColsCost({ kind: 'range', from: 0, to: T + 2 * Q - 1 }, cost);
			m.changeColsIntegrality(
				{ kind: 'range', from: 0, to: T + 2 * Q - 1 },
				new Int32Array(T + 2 * Q).fill(1)
			);
			const all = Int32Array.from({ length: T }, (_, i) => i);
			m.addRow(inst.size, inst.size, { indices: all, values: new Float64Array(T).fill(1) });
			rows.forEach((r, q) => {
				const v = inst.categories[r.c].values[r.v];
				const ones = new Array<number>(r.types.length).fill(1);
				m.addRow(v.min, h.infinity, { indices: [...r.types, T + q], values: [...ones, 1] });
				m.addRow(-h.infinity, v.max, { indices: [...r.types, T + Q + q], values: [...ones, -1] });
			});
			for (const hh of inst.households)
				m.addRow(-h.infinity, 1, { indices: hh, values: new Array<number>(hh.length).fill(1) });
			return m.run().modelStatus;
		};
		let status = solve(true);
		let withinFlex = true;
		if (status === INFEASIBLE) {
			withinFlex = false;
			status = solve(false);
		}
		if (status !== OPTIMAL)
			throw new SolverError(`quota relaxation ILP ended with HiGHS model status ${status}`);
		const x = m.getSolution().colValue;
		const relaxations: QuotaRelaxation[] = [];
		rows.forEach((r, q) => {
			const cat = inst.categories[r.c];
			const v = cat.values[r.v];
			const down = Math.round(x[T + q]);
			const up = Math.round(x[T + Q + q]);
			if (down > 0)
				relaxations.push({
					category: cat.name,
					value: v.value,
					bound: 'min',
					from: v.min,
					to: v.min - down
				});
			if (up > 0)
				relaxations.push({
					category: cat.name,
					value: v.value,
					bound: 'max',
					from: v.max,
					to: v.max + up
				});
		});
		if (relaxations.length === 0) return { feasible: true };
		return { feasible: false, relaxations, withinFlex };
	} finally {
		m.dispose();
	}
}

export function describeRelaxation(r: QuotaRelaxation): string {
	const by = Math.abs(r.to - r.from);
	return r.bound === 'min'
		? `quota ${r.category}=${r.value}: lower min from ${r.from} to ${r.to} (by ${by})`
		: `quota ${r.category}=${r.value}: raise max from ${r.from} to ${r.to} (by ${by})`;
}
