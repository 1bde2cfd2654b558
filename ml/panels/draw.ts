/**
 * The verifiable draw: a commitment to the data before the seed is known, then one panel from
 * the distribution with the seeded generator of `prng.ts`.
 *
 * Commitment: SHA-256 (hex) of the UTF-8 bytes of `JSON.stringify` of
 *   ["osallistu-panel/1", size, algorithm,
 *    [[category, [[value, min, max], …]], …],      categories and values in quota-file order
 *    [[id, [value per category…], household], …]]  volunteers sorted by id (code units);
 *                                                   household "" when none
 * Only what the draw depends on is in it; names, addresses and other columns are not.
 *
 * Draw (same data + seed + engine version → same panel):
 * 1. u = rng.float(); the panel is the first in the distribution's canonical order (panels
 *    sorted by their comma-joined type counts, types sorted by key) whose cumulative
 *    probability exceeds u (the last panel if rounding leaves u above the total);
 * 2. for every type in canonical order with c seats on that panel, a partial Fisher–Yates
 *    shuffle of the type's member ids (sorted) with rng.below picks c of them:
 *    for i = 0 … c−1: j = i + below(n − i), swap(i, j), take member i.
 * Every member of a type is then chosen with probability (type's seats in expectation)/|type|,
 * the probability the engine reports for them.
 */
import { createHash } from 'node:crypto';
import { byCodeUnit } from './instance';
import { seededRng, type Rng } from './prng';
import type { Distribution, PanelSpec } from './types';
import type { PanelInstance } from './types';

export const COMMITMENT_FORMAT = 'osallistu-panel/1';

/** The canonical serialisation hashed by `commitment`. */
export function canonicalData(spec: PanelSpec, algorithm: string): string {
	const cats: [string, [string, number, number][]][] = [];
	const idx = new Map<string, number>();
	for (const q of spec.quotas) {
		let c = idx.get(q.category);
		if (c === undefined) {
			c = cats.length;
			idx.set(q.category, c);
			cats.push([q.category, []]);
		}
		cats[c][1].push([q.value, q.min, q.max]);
	}
	const vols = [...spec.volunteers]
		.sort((a, b) => byCodeUnit(a.id, b.id))
		.map((v) => [v.id, cats.map(([name]) => v.attributes[name] ?? ''), v.household ?? '']);
	return JSON.stringify([COMMITMENT_FORMAT, spec.size, algorithm, cats, vols]);
}

export function commitment(spec: PanelSpec, algorithm: string): string {
	return createHash('sha256').update(canonicalData(spec, algorithm), 'utf8').digest('hex');
}

/** Index of the panel drawn with u ∈ [0, 1). */
export function pickPanel(weights: readonly number[], u: number): number {
	let acc = 0;
	for (let i = 0; i < weights.length; i++) {
		acc += weights[i];
		if (u < acc) return i;
	}
	return weights.length - 1;
}

/** c of the sorted members, uniformly, by partial Fisher–Yates. */
export function chooseMembers(members: readonly string[], c: number, rng: Rng): string[] {
	const a = [...members];
	const n = a.length;
	for (let i = 0; i < c; i++) {
		const j = i + rng.below(n - i);
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a.slice(0, c);
}

/** One panel of volunteer ids (sorted) from the distribution, by the seed. */
export function drawPanel(inst: PanelInstance, dist: Distribution, seed: string): string[] {
	const rng = seededRng(seed);
	const panel = dist.panels[pickPanel(dist.weights, rng.float())];
	const chosen: string[] = [];
	inst.types.forEach((t, i) => {
		if (panel[i] > 0) chosen.push(...chooseMembers(t.members, panel[i], rng));
	});
	return chosen.sort(byCodeUnit);
}

/** SHA-256 of the distribution (panels as type counts, weights as JSON numbers), for publication. */
export function distributionHash(inst: PanelInstance, dist: Distribution): string {
	const body = JSON.stringify([
		inst.types.map((t) => t.key),
		dist.panels.map((p, i) => [Array.from(p), dist.weights[i]])
	]);
	return createHash('sha256').update(body, 'utf8').digest('hex');
}
