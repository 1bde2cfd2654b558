import { describe, expect, it } from 'vitest';
import { buildInstance, isFeasiblePanel } from './instance';
import { LegacyPool, estimateLegacy } from './legacy';
import { seededRng } from './prng';
import { smallSpec } from './test-instances';

describe('legacy greedy', () => {
	it('draws panels within the quotas, reproducibly', () => {
		const inst = buildInstance(smallSpec('legacy', 40, 10, 3));
		const pool = new LegacyPool(inst);
		const typeOf = new Map(inst.types.flatMap((t, i) => t.members.map((id) => [id, i] as const)));
		const rng = seededRng('l');
		for (let i = 0; i < 200; i++) {
			const panel = pool.draw(rng);
			expect(new Set(panel).size).toBe(10);
			const counts = new Int32Array(inst.types.length);
			for (const id of panel) counts[typeOf.get(id)!]++;
			expect(isFeasiblePanel(inst, counts)).toBe(true);
		}
		expect(pool.draw(seededRng('same'))).toEqual(pool.draw(seededRng('same')));
	});

	it('estimates probabilities that sum to the panel size', () => {
		const inst = buildInstance(smallSpec('legacy-est', 40, 10, 3));
		const est = estimateLegacy(new LegacyPool(inst), seededRng('e'), 2000);
		const total = [...est.probabilities.values()].reduce((a, b) => a + b, 0);
		expect(total).toBeCloseTo(10, 9);
	});

	it('keeps housemates apart', () => {
		const inst = buildInstance({
			volunteers: [
				{ id: 'a', attributes: { g: 'f' }, household: 'x' },
				{ id: 'b', attributes: { g: 'f' }, household: 'x' },
				{ id: 'c', attributes: { g: 'm' } },
				{ id: 'd', attributes: { g: 'm' } }
			],
			quotas: [
				{ category: 'g', value: 'f', min: 1, max: 2 },
				{ category: 'g', value: 'm', min: 1, max: 2 }
			],
			size: 3
		});
		const pool = new LegacyPool(inst);
		const rng = seededRng('hh');
		for (let i = 0; i < 100; i++) {
			const p = pool.draw(rng);
			expect(p.includes('a') && p.includes('b')).toBe(false);
		}
	});
});
