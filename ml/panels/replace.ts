/**
 * Replacement of a member who drops out: among the volunteers not on the panel (and not
 * excluded, e.g. those who already declined), those who leave the panel closest to its quotas —
 * the least total violation Σ max(0, min − seats) + max(0, seats − max) over all quotas, the
 * household rule kept — and among them one drawn by lot: the candidates sorted by id, index
 * `rng.below(count)` with the generator of `prng.ts` seeded by the given seed.
 */
import { byCodeUnit } from './instance';
import { seededRng } from './prng';
import type { PanelInstance } from './types';

export interface Replacement {
	/** The proposed replacement, or null when no volunteer is left. */
	id: string | null;
	/** Quota violation of the panel with the replacement (0: every quota met). */
	violation: number;
	/** How many candidates were equally good (the lot was among them). */
	tied: number;
}

export function proposeReplacement(
	inst: PanelInstance,
	panel: readonly string[],
	dropout: string,
	seed: string,
	exclude: readonly string[] = []
): Replacement {
	const typeOf = new Map<string, number>();
	inst.types.forEach((t, i) => t.members.forEach((id) => typeOf.set(id, i)));
	if (!panel.includes(dropout)) throw new Error(`'${dropout}' is not on the panel`);
	for (const id of panel)
		if (!typeOf.has(id)) throw new Error(`panel member '${id}' is not in the pool`);
	const stay = panel.filter((id) => id !== dropout);
	const counts = inst.categories.map((c) => new Array<number>(c.values.length).fill(0));
	const usedHouseholds = new Set<string>();
	for (const id of stay) {
		const t = inst.types[typeOf.get(id)!];
		t.valueIndex.forEach((v, c) => counts[c][v]++);
		if (t.household !== undefined) usedHouseholds.add(t.household);
	}
	const out = new Set([...panel, ...exclude]);
	let best = Number.POSITIVE_INFINITY;
	let candidates: string[] = [];
	for (const t of inst.types) {
		if (t.household !== undefined && usedHouseholds.has(t.household)) continue;
		const free = t.members.filter((id) => !out.has(id));
		if (free.length === 0) continue;
		let violation = 0;
		inst.categories.forEach((cat, c) =>
			cat.values.forEach((q, v) => {
				const seats = counts[c][v] + (t.valueIndex[c] === v ? 1 : 0);
				violation += Math.max(0, q.min - seats) + Math.max(0, seats - q.max);
			})
		);
		if (violation < best) {
			best = violation;
			candidates = [...free];
		} else if (violation === best) candidates.push(...free);
	}
	if (candidates.length === 0) return { id: null, violation: Number.NaN, tied: 0 };
	candidates.sort(byCodeUnit);
	const id = candidates[seededRng(seed).below(candidates.length)];
	return { id, violation: best, tied: candidates.length };
}
