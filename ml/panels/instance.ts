/**
 * Validation of a panel specification and its reduction to volunteer types.
 *
 * Every check that can be made without a solver happens here, each error naming the row or
 * quota at fault; `PanelInputError` is what the command line turns into exit code 2. The checks
 * follow the Sortition Foundation's `read_in_features` / `check_min_max` / `check_desired` and
 * its people reader (a volunteer's value must have a quota row).
 */
import type { CategoryQuotas, PanelInstance, PanelSpec, VolunteerType } from './types';

export class PanelInputError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.join('\n'));
		this.name = 'PanelInputError';
	}
}

/** Code-unit order: the same on every machine and locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const where = (source: string | undefined, fallback: string) => source ?? fallback;

/**
 * Checks the specification and groups volunteers into types.
 *
 * Categories keep the order of their first quota row; values too. Types are sorted by key and
 * members by id, so the instance — and with it every solver model and every draw — does not
 * depend on the order of the input rows.
 */
export function buildInstance(spec: PanelSpec): PanelInstance {
	const problems: string[] = [];
	const { size } = spec;
	if (!Number.isInteger(size) || size < 1)
		problems.push(`panel size ${size} is not a positive whole number`);

	// Quotas → categories.
	const categories: CategoryQuotas[] = [];
	const catIndex = new Map<string, number>();
	const seenQuota = new Map<string, string>();
	for (const q of spec.quotas) {
		const label = where(q.source, `quota ${q.category}=${q.value}`);
		if (!q.category || !q.value) {
			problems.push(`${label}: empty category or value`);
			continue;
		}
		const minFlex = q.minFlex ?? 0;
		const maxFlex = q.maxFlex ?? Number.POSITIVE_INFINITY;
		const ints = [q.min, q.max, minFlex].every((x) => Number.isInteger(x) && x >= 0);
		if (!ints || !(Number.isInteger(maxFlex) || maxFlex === Number.POSITIVE_INFINITY)) {
			problems.push(`${label}: min, max and flex values must be whole numbers ≥ 0`);
			continue;
		}
		if (q.min > q.max)
			problems.push(`${label} (${q.category}=${q.value}): min ${q.min} is above max ${q.max}`);
		if (minFlex > q.min || maxFlex < q.max)
			problems.push(
				`${label} (${q.category}=${q.value}): min_flex/max_flex ${minFlex}/${maxFlex} must lie outside min/max ${q.min}/${q.max}`
			);
		const k = JSON.stringify([q.category, q.value]);
		const before = seenQuota.get(k);
		if (before !== undefined) {
			problems.push(`${label}: quota ${q.category}=${q.value} given twice (first at ${before})`);
			continue;
		}
		seenQuota.set(k, label);
		let c = catIndex.get(q.category);
		if (c === undefined) {
			c = categories.length;
			catIndex.set(q.category, c);
			categories.push({ name: q.category, values: [] });
		}
		categories[c].values.push({ value: q.value, min: q.min, max: q.max, minFlex, maxFlex });
	}
	if (categories.length === 0 && problems.length === 0) problems.push('no quotas given');

	// Volunteers → types.
	const seenId = new Map<string, string>();
	const valueIndex = categories.map((c) => new Map(c.values.map((v, i) => [v.value, i])));
	const counts = categories.map((c) => new Array<number>(c.values.length).fill(0));
	const householdOf = new Map<string, string[]>();
	const rows: { id: string; vi: number[]; household?: string }[] = [];
	for (const [n, v] of spec.volunteers.entries()) {
		const label = where(v.source, `volunteer ${n + 1}`);
		if (!v.id) {
			problems.push(`${label}: empty id`);
			continue;
		}
		const first = seenId.get(v.id);
		if (first !== undefined) {
			problems.push(`${label}: duplicate id '${v.id}' (first at ${first})`);
			continue;
		}
		seenId.set(v.id, label);
		const vi: number[] = [];
		let ok = true;
		for (const [c, cat] of categories.entries()) {
			if (!Object.hasOwn(v.attributes, cat.name)) {
				problems.push(`${label} (id ${v.id}): no value for category '${cat.name}'`);
				ok = false;
				continue;
			}
			const value = v.attributes[cat.name];
			const i = valueIndex[c].get(value);
			if (i === undefined) {
				problems.push(
					`${label} (id ${v.id}): ${cat.name} '${value}' has no quota (quotas list ${cat.values.map((x) => `'${x.value}'`).join(', ')})`
				);
				ok = false;
				continue;
			}
			vi.push(i);
		}
		if (!ok) continue;
		vi.forEach((i, c) => counts[c][i]++);
		const household = v.household ? v.household : undefined;
		if (household !== undefined) {
			const list = householdOf.get(household) ?? [];
			list.push(v.id);
			householdOf.set(household, list);
		}
		rows.push({ id: v.id, vi, household });
	}
	if (problems.length) throw new PanelInputError(problems);

	const poolSize = rows.length;
	if (size > poolSize)
		problems.push(`panel size ${size} is above the pool of ${poolSize} volunteers`);
	const nHouseholds = rows.filter((r) => r.household === undefined).length + householdOf.size;
	if (size <= poolSize && size > nHouseholds)
		problems.push(
			`panel size ${size} is above the ${nHouseholds} households in the pool (at most one per household)`
		);
	for (const [c, cat] of categories.entries()) {
		const sumMin = cat.values.reduce((s, v) => s + v.min, 0);
		const sumMax = cat.values.reduce((s, v) => s + v.max, 0);
		if (sumMin > size)
			problems.push(
				`quotas of '${cat.name}': the minimums sum to ${sumMin}, above the panel size ${size}`
			);
		if (sumMax < size)
			problems.push(
				`quotas of '${cat.name}': the maximums sum to ${sumMax}, below the panel size ${size}`
			);
		for (const [i, v] of cat.values.entries()) {
			if (counts[c][i] < v.min)
				problems.push(
					`quota ${cat.name}=${v.value}: min ${v.min} but only ${counts[c][i]} volunteer${counts[c][i] === 1 ? '' : 's'} in the pool`
				);
		}
	}
	if (problems.length) throw new PanelInputError(problems);

	// A volunteer who shares a household with another volunteer is a type of their own: the
	// household row couples them to specific persons, so they are no longer interchangeable.
	const shared = (h: string | undefined) =>
		h !== undefined && (householdOf.get(h)?.length ?? 0) > 1;
	const byKey = new Map<string, VolunteerType>();
	for (const r of rows) {
		const attrs = JSON.stringify(r.vi.map((i, c) => categories[c].values[i].value));
		const key = shared(r.household) ? JSON.stringify([attrs, r.id]) : attrs;
		let t = byKey.get(key);
		if (!t) {
			t = { key, valueIndex: r.vi, members: [] };
			if (shared(r.household)) t.household = r.household;
			byKey.set(key, t);
		}
		t.members.push(r.id);
	}
	const types = [...byKey.values()].sort((a, b) => byCodeUnit(a.key, b.key));
	for (const t of types) t.members.sort(byCodeUnit);
	const hh = new Map<string, number[]>();
	types.forEach((t, i) => {
		if (t.household === undefined) return;
		const list = hh.get(t.household) ?? [];
		list.push(i);
		hh.set(t.household, list);
	});
	const households = [...hh.entries()].sort((a, b) => byCodeUnit(a[0], b[0])).map((e) => e[1]);
	return { size, categories, types, households, poolSize };
}

/** Seats per category value of a type panel. */
export function quotaCounts(inst: PanelInstance, panel: ArrayLike<number>): number[][] {
	const out = inst.categories.map((c) => new Array<number>(c.values.length).fill(0));
	inst.types.forEach((t, i) => {
		if (panel[i]) t.valueIndex.forEach((v, c) => (out[c][v] += panel[i]));
	});
	return out;
}

/** Whether a type panel has the right size and meets every quota and household rule. */
export function isFeasiblePanel(inst: PanelInstance, panel: ArrayLike<number>): boolean {
	let total = 0;
	for (let i = 0; i < inst.types.length; i++) {
		if (panel[i] < 0 || panel[i] > inst.types[i].members.length) return false;
		total += panel[i];
	}
	if (total !== inst.size) return false;
	const counts = quotaCounts(inst, panel);
	for (const [c, cat] of inst.categories.entries())
		for (const [v, q] of cat.values.entries())
			if (counts[c][v] < q.min || counts[c][v] > q.max) return false;
	return inst.households.every((h) => h.reduce((s, t) => s + panel[t], 0) <= 1);
}
