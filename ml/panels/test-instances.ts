/** Small seeded instances for the tests. */
import { seededRng } from './prng';
import type { PanelSpec, Quota, Volunteer } from './types';

/** A small random pool with quotas around the pool's own shares (feasible or not). */
export function smallSpec(
	seed: string,
	n = 9,
	size = 4,
	categories = 2,
	withHouseholds = false
): PanelSpec {
	const rng = seededRng(seed);
	const cats = Array.from({ length: categories }, (_, c) => ({
		name: `c${c}`,
		values: ['a', 'b', 'c'].slice(0, 2 + (c % 2))
	}));
	const volunteers: Volunteer[] = Array.from({ length: n }, (_, i) => {
		const v: Volunteer = {
			id: `p${i}`,
			attributes: Object.fromEntries(
				cats.map((c) => [c.name, c.values[rng.below(c.values.length)]])
			)
		};
		if (withHouseholds && i < 4) v.household = `h${i >> 1}`;
		return v;
	});
	const quotas: Quota[] = [];
	for (const c of cats)
		for (const value of c.values) {
			const have = volunteers.filter((v) => v.attributes[c.name] === value).length;
			const target = (have / n) * size;
			quotas.push({
				category: c.name,
				value,
				min: Math.max(0, Math.floor(target) - rng.below(2)),
				max: Math.ceil(target) + rng.below(2)
			});
		}
	return { volunteers, quotas, size };
}
