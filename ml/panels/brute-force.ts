/**
 * Brute-force LEXIMIN for tests on tiny pools: every feasible panel of persons enumerated, then
 * the leximin sequence of LPs solved directly by its definition — maximise the smallest
 * unfixed probability z; a person is fixed at z* when even maximising their own probability
 * (all unfixed ones kept ≥ z*) cannot lift it above z*; repeat. No types, no duals, no column
 * generation: an independent check of `leximin.ts`.
 */
import { highs, OPTIMAL } from './solver';
import type { PanelInstance } from './types';
import { isFeasiblePanel } from './instance';

/** Every feasible panel as a list of person indices (persons in type order). */
export function enumeratePanels(inst: PanelInstance): { persons: string[]; panels: number[][] } {
	const persons: string[] = [];
	const typeOf: number[] = [];
	inst.types.forEach((t, i) => t.members.forEach((id) => (persons.push(id), typeOf.push(i))));
	const panels: number[][] = [];
	const pick: number[] = [];
	const rec = (from: number) => {
		if (pick.length === inst.size) {
			const counts = new Int32Array(inst.types.length);
			for (const p of pick) counts[typeOf[p]]++;
			if (isFeasiblePanel(inst, counts)) panels.push([...pick]);
			return;
		}
		for (let i = from; i <= persons.length - (inst.size - pick.length); i++) {
			pick.push(i);
			rec(i + 1);
			pick.pop();
		}
	};
	rec(0);
	return { persons, panels };
}

/** LEXIMIN selection probabilities by brute force. */
export async function bruteForceLeximin(inst: PanelInstance): Promise<Map<string, number>> {
	const h = await highs();
	const { persons, panels } = enumeratePanels(inst);
	const n = persons.length;
	const P = panels.length;
	const fixed = new Array<number | undefined>(n).fill(undefined);
	// LP over x_P (P columns) and z (last column): rows Σ x = 1 and one per person.
	const solve = (
		objective: number[],
		lower: (i: number) => number,
		withZ: boolean
	): { value: number; ok: boolean } => {
		const starts = [0];
		const indices: number[] = [];
		const values: number[] = [];
		for (const p of panels) {
			indices.push(0);
			values.push(1);
			for (const i of p) {
				indices.push(1 + i);
				values.push(1);
			}
			starts.push(indices.length);
		}
		// z column: −1 in every unfixed person's row (π_i − z ≥ 0).
		for (let i = 0; i < n; i++)
			if (withZ && fixed[i] === undefined) {
				indices.push(1 + i);
				values.push(-1);
			}
		starts.push(indices.length);
		const m = h.createModel({
			numCols: P + 1,
			numRows: n + 1,
			sense: h.constants.objectiveSense.maximize,
			colCost: objective,
			colLower: new Array<number>(P + 1).fill(0),
			colUpper: [...new Array<number>(P).fill(h.infinity), withZ ? h.infinity : 0],
			rowLower: [1, ...Array.from({ length: n }, (_, i) => lower(i))],
			rowUpper: [1, ...new Array<number>(n).fill(h.infinity)],
			matrix: { format: 'csc', numRows: n + 1, numCols: P + 1, starts, indices, values }
		});
		try {
			m.options.set({ output_flag: false });
			const ok = m.run().modelStatus === OPTIMAL;
			return { value: ok ? m.getObjectiveValue() : Number.NaN, ok };
		} finally {
			m.dispose();
		}
	};
	while (fixed.some((f) => f === undefined)) {
		const zObj = [...new Array<number>(P).fill(0), 1];
		const z = solve(zObj, (i) => (fixed[i] === undefined ? 0 : fixed[i]! - 1e-9), true);
		if (!z.ok) throw new Error('brute-force stage LP failed');
		let any = false;
		for (let i = 0; i < n; i++) {
			if (fixed[i] !== undefined) continue;
			// Max π_i with every unfixed person ≥ z*.
			const obj = new Array<number>(P + 1).fill(0);
			panels.forEach((p, j) => p.includes(i) && (obj[j] = 1));
			const r = solve(
				obj,
				(k) => (fixed[k] === undefined ? z.value - 1e-9 : fixed[k]! - 1e-9),
				false
			);
			if (!r.ok || r.value <= z.value + 1e-7) {
				fixed[i] = z.value;
				any = true;
			}
		}
		if (!any) throw new Error('brute-force leximin made no progress');
	}
	return new Map(persons.map((id, i) => [id, fixed[i]!]));
}
