import { describe, expect, it } from 'vitest';
import { bruteForceLeximin } from './brute-force';
import { buildInstance, isFeasiblePanel, quotaCounts } from './instance';
import { leximin } from './leximin';
import { smallSpec } from './test-instances';
import type { Volunteer } from './types';

describe('leximin', () => {
	it('equals brute-force LEXIMIN on small instances', async () => {
		let compared = 0;
		for (let s = 0; compared < 8 && s < 40; s++) {
			const spec = smallSpec(`bf-${s}`, 9, 4, 2 + (s % 2), s % 3 === 0);
			let inst;
			try {
				inst = buildInstance(spec);
			} catch {
				continue;
			}
			let brute: Map<string, number>;
			try {
				brute = await bruteForceLeximin(inst);
			} catch {
				continue; // no feasible panel
			}
			const r = await leximin(inst);
			inst.types.forEach((t, i) => {
				for (const id of t.members) expect(r.typeProbabilities[i]).toBeCloseTo(brute.get(id)!, 5);
			});
			compared++;
		}
		expect(compared).toBeGreaterThanOrEqual(6);
	});

	it('gives the brute-force LEXIMIN with the MILP alone (no swap search) and with one swap search per round', async () => {
		// The swap search only speeds column generation up; every stage still ends with the MILP's
		// proof, so the result must not depend on how many searches run (0 failed before: crash).
		let compared = 0;
		for (let s = 0; compared < 3 && s < 30; s++) {
			let inst;
			let brute: Map<string, number>;
			try {
				inst = buildInstance(smallSpec(`ms-${s}`, 9, 4, 2 + (s % 2), s % 3 === 0));
				brute = await bruteForceLeximin(inst);
			} catch {
				continue;
			}
			for (const multiStart of [0, 1]) {
				const r = await leximin(inst, { multiStart });
				inst.types.forEach((t, i) => {
					for (const id of t.members) expect(r.typeProbabilities[i]).toBeCloseTo(brute.get(id)!, 5);
				});
			}
			compared++;
		}
		expect(compared).toBe(3);
	});

	it('gives a distribution of feasible panels that meets the quotas in expectation', async () => {
		const spec = smallSpec('expect', 30, 8, 3);
		const inst = buildInstance(spec);
		const r = await leximin(inst);
		expect(r.distribution.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		for (const p of r.distribution.panels) expect(isFeasiblePanel(inst, p)).toBe(true);
		const seats = inst.types.map((t, i) => r.typeProbabilities[i] * t.members.length);
		expect(seats.reduce((a, b) => a + b, 0)).toBeCloseTo(inst.size, 9);
		const expected = quotaCounts(inst, new Int32Array(inst.types.length).fill(0)).map((row) =>
			row.map(() => 0)
		);
		inst.types.forEach((t, i) => t.valueIndex.forEach((v, c) => (expected[c][v] += seats[i])));
		inst.categories.forEach((cat, c) =>
			cat.values.forEach((q, v) => {
				expect(expected[c][v]).toBeGreaterThanOrEqual(q.min - 1e-9);
				expect(expected[c][v]).toBeLessThanOrEqual(q.max + 1e-9);
			})
		);
		// The smallest probability is the first stage's value, proved optimal by the MILP bound.
		expect(Math.min(...r.typeProbabilities)).toBeCloseTo(r.stats.firstStageValue, 6);
		expect(r.stats.firstStageBound - r.stats.firstStageValue).toBeLessThan(1e-5);
	});

	it('gives volunteers on no feasible panel probability 0 and the others their leximin share', async () => {
		// Nobody old can sit: max 0 for old.
		const volunteers: Volunteer[] = ['y1', 'y2', 'y3', 'o1'].map((id) => ({
			id,
			attributes: { age: id[0] }
		}));
		const inst = buildInstance({
			volunteers,
			quotas: [
				{ category: 'age', value: 'y', min: 0, max: 2 },
				{ category: 'age', value: 'o', min: 0, max: 0 }
			],
			size: 2
		});
		const r = await leximin(inst);
		const p = new Map(
			inst.types.flatMap((t, i) => t.members.map((id) => [id, r.typeProbabilities[i]] as const))
		);
		expect(p.get('o1')).toBe(0);
		for (const id of ['y1', 'y2', 'y3']) expect(p.get(id)).toBeCloseTo(2 / 3, 9);
		expect(r.unselectable.map((t) => inst.types[t].members[0])).toEqual(['o1']);
	});

	it('keeps housemates off the same panel', async () => {
		const volunteers: Volunteer[] = [
			{ id: 'a', attributes: { g: 'f' }, household: 'x' },
			{ id: 'b', attributes: { g: 'f' }, household: 'x' },
			{ id: 'c', attributes: { g: 'f' } },
			{ id: 'd', attributes: { g: 'm' } }
		];
		const inst = buildInstance({
			volunteers,
			quotas: [
				{ category: 'g', value: 'f', min: 2, max: 2 },
				{ category: 'g', value: 'm', min: 0, max: 1 }
			],
			size: 2
		});
		const r = await leximin(inst);
		for (const p of r.distribution.panels) expect(isFeasiblePanel(inst, p)).toBe(true);
		const brute = await bruteForceLeximin(inst);
		inst.types.forEach((t, i) =>
			t.members.forEach((id) => expect(r.typeProbabilities[i]).toBeCloseTo(brute.get(id)!, 6))
		);
		// a and b share the household seat: c is on every panel.
		expect(brute.get('c')).toBeCloseTo(1, 6);
	});
});
