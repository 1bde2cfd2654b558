/**
 * Defining a panel and recruiting its volunteers (issue 13, "The draw", first two steps):
 * question, size, categories and household rule; quotas (suggested from the pool's population
 * shares, validated against the categories and the size); volunteers from the pool's invitation
 * (its answers arrive as events, recordPoolAnswer) or from a CSV of answers to a mailed
 * invitation. Every staff change is audited in its transaction; a refused input stores nothing.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../core/audit';
import type { SessionUser } from '../core/auth/roles';
import { csvObjects, readCsv } from '../core/csv';
import { AGE_BANDS, exportMember, listPopulation, type PoolExecutor } from '../pool';
import type { EventMap } from '../core/events';
import type { PanelsDb, PanelsTx } from './panels.db';
import { getPanel, quotasOf, volunteersOf, type PanelRow } from './panels.queries';
import type { PanelInput } from './panels.schemas';
import { problem, type PanelProblem, type Result } from './access';
import { CATEGORY_NAME } from './panels.schemas';

// ------------------------------------------------------------------------- definition

export async function createPanel(db: PanelsDb, user: SessionUser, input: PanelInput) {
	const categories = [...new Set(input.categories)];
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('panel')
			.values({
				question: input.question,
				description: input.description,
				size: input.size,
				categories: JSON.stringify(categories),
				household_rule: input.householdRule,
				seed_rule: input.seedRule,
				created_by: user.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, user, 'panels.create', row.id, { size: input.size, categories });
		return row.id;
	});
}

export async function audit(
	trx: PanelsTx,
	user: SessionUser,
	action: string,
	panelId: number,
	details: Record<string, unknown> = {}
) {
	await recordAudit(trx, {
		actorUserId: user.id,
		action,
		entityType: 'panel',
		entityId: panelId,
		details
	});
}

/** Changes to the volunteers and quotas end when the commitment is published. */
export const isOpen = (p: PanelRow) => p.status === 'recruiting';

// ------------------------------------------------------------------------- quotas

export interface QuotaRow {
	category: string;
	value: string;
	min: number;
	max: number;
}

/**
 * Reads the quotas text (`category,value,min,max`, comma or semicolon) and checks what needs no
 * volunteers: known categories, whole numbers, min ≤ max, each category's minimums at most the
 * size and its maximums at least the size. Every problem names its line.
 */
export function readQuotas(
	text: string,
	categories: readonly string[],
	size: number
): Result<{ quotas: QuotaRow[] }> {
	const t = readCsv(text);
	if (!t.ok) return problem(t.key);
	const need = ['category', 'value', 'min', 'max'];
	const missing = need.filter((h) => !t.header.includes(h));
	if (missing.length) return problem('panels.errors.quotaColumns', { columns: missing.join(', ') });
	const problems: PanelProblem[] = [];
	const quotas: QuotaRow[] = [];
	const seen = new Map<string, number>();
	for (const { line, values } of csvObjects(t)) {
		const { category, value } = values;
		if (!categories.includes(category)) {
			problems.push({ key: 'panels.errors.unknownCategory', params: { line, category } });
			continue;
		}
		if (!value) {
			problems.push({ key: 'panels.errors.emptyValue', params: { line } });
			continue;
		}
		const min = /^\d{1,4}$/.test(values.min) ? Number(values.min) : NaN;
		const max = /^\d{1,4}$/.test(values.max) ? Number(values.max) : NaN;
		if (Number.isNaN(min) || Number.isNaN(max)) {
			problems.push({ key: 'panels.errors.quotaNumber', params: { line } });
			continue;
		}
		if (min > max) {
			problems.push({ key: 'panels.errors.minAboveMax', params: { line, min, max } });
			continue;
		}
		const k = `${category}\u0000${value}`;
		if (seen.has(k)) {
			problems.push({
				key: 'panels.errors.quotaTwice',
				params: { line, first: seen.get(k)!, category, value }
			});
			continue;
		}
		seen.set(k, line);
		quotas.push({ category, value, min, max });
	}
	if (problems.length) return { ok: false, problems };
	for (const c of categories) {
		const rows = quotas.filter((q) => q.category === c);
		if (!rows.length) {
			problems.push({ key: 'panels.errors.categoryWithoutQuotas', params: { category: c } });
			continue;
		}
		const sumMin = rows.reduce((s, q) => s + q.min, 0);
		const sumMax = rows.reduce((s, q) => s + q.max, 0);
		if (sumMax < size)
			problems.push({
				key: 'panels.errors.maxBelowSize',
				params: { category: c, sum: sumMax, size, by: size - sumMax }
			});
		if (sumMin > size)
			problems.push({
				key: 'panels.errors.minAboveSize',
				params: { category: c, sum: sumMin, size, by: sumMin - size }
			});
	}
	return problems.length ? { ok: false, problems } : { ok: true, quotas };
}

export async function saveQuotas(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	text: string
): Promise<Result<{ count: number }>> {
	if (!isOpen(panel)) return problem('panels.errors.closed');
	const r = readQuotas(text, panel.categories, panel.size);
	if (!r.ok) return r;
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('panel_quota').where('panel_id', '=', panel.id).execute();
		await trx
			.insertInto('panel_quota')
			.values(r.quotas.map((q, position) => ({ panel_id: panel.id, position, ...q })))
			.execute();
		await trx
			.updateTable('panel')
			.set({ updated_at: new Date() })
			.where('id', '=', panel.id)
			.execute();
		await audit(trx, user, 'panels.quotas', panel.id, { quotas: r.quotas.length });
	});
	return { ok: true, count: r.quotas.length };
}

/**
 * Suggested quotas: for each category the population shares the pool holds (for its four
 * dimensions), else the volunteers' own shares; min ⌊share × size⌋ and max ⌈share × size⌉,
 * never a min above the volunteers who have the value, and every volunteer value listed (the
 * engine needs a row for each). Returned as the quotas text the form edits.
 */
export async function suggestQuotas(db: PanelsDb, panel: PanelRow): Promise<string> {
	const population = await listPopulation(db as unknown as PoolExecutor);
	const volunteers = await volunteersOf(db, panel.id);
	const lines = ['category,value,min,max'];
	for (const c of panel.categories) {
		const have = new Map<string, number>();
		for (const v of volunteers) {
			const x = v.attributes[c];
			if (x) have.set(x, (have.get(x) ?? 0) + 1);
		}
		const pop = population.filter((p) => p.dimension === c);
		const shares = new Map<string, number>();
		if (pop.length) {
			const total = pop.reduce((s, p) => s + p.population, 0);
			for (const p of pop) shares.set(p.value, total ? p.population / total : 0);
			for (const v of have.keys()) if (!shares.has(v)) shares.set(v, 0);
		} else {
			const total = volunteers.length;
			for (const [v, n] of have) shares.set(v, total ? n / total : 0);
		}
		const values = [...shares.keys()].sort();
		for (const v of values) {
			const target = shares.get(v)! * panel.size;
			const available = have.get(v) ?? 0;
			const min = Math.min(Math.floor(target), available);
			const max = Math.max(Math.ceil(target), min, shares.get(v)! === 0 && available ? 1 : 0);
			lines.push([c, v, min, max].map(csvText).join(','));
		}
	}
	return lines.join('\n') + '\n';
}

const csvText = (v: string | number) =>
	typeof v === 'number' || !/[",;\n]/.test(v) ? String(v) : `"${v.replaceAll('"', '""')}"`;

export async function quotasText(db: PanelsDb, panelId: number): Promise<string> {
	const q = await quotasOf(db, panelId);
	if (!q.length) return '';
	return (
		[
			'category,value,min,max',
			...q.map((r) => [r.category, r.value, r.min, r.max].map(csvText).join(','))
		].join('\n') + '\n'
	);
}

// ------------------------------------------------------------------------- recruitment

/** The pool's attributes of a member as panel categories (age band in the given year). */
export function poolAttributes(
	m: {
		municipality_code: string;
		birth_year: number;
		gender: string | null;
		mother_tongue: string | null;
		background: Record<string, string>;
	},
	year: number
): Record<string, string> {
	const age = year - m.birth_year;
	const band = AGE_BANDS.find(([, lo, hi]) => age >= lo && age <= hi)?.[0] ?? 'other';
	return {
		municipality: m.municipality_code,
		age_band: band,
		gender: m.gender ?? 'no_answer',
		language: m.mother_tongue ?? 'unknown',
		...Object.fromEntries(Object.entries(m.background ?? {}).map(([q, v]) => [`q${q}`, v]))
	};
}

/**
 * The handler's half of the pool's `pool.invitation_answered`: an answer to an invitation for
 * this panel (activity type 'panel', activity id the panel's id) is kept, the latest one wins.
 * Idempotent; answers to other activities are ignored.
 */
export async function recordPoolAnswer(trx: PanelsTx, e: EventMap['pool.invitation_answered']) {
	if (e.activityType !== 'panel' || !e.memberId || !/^[1-9]\d{0,8}$/.test(e.activityId ?? ''))
		return;
	const panel = await getPanel(trx, Number(e.activityId));
	if (!panel) return;
	await trx
		.insertInto('panel_pool_answer')
		.values({ panel_id: panel.id, member_id: e.memberId, answer: e.answer })
		.onConflict((oc) =>
			oc
				.columns(['panel_id', 'member_id'])
				.doUpdateSet({ answer: e.answer, answered_at: new Date() })
		)
		.execute();
}

/** An erased pool member leaves the panels they have not been drawn to. */
export async function forgetPoolMember(trx: PanelsTx, memberId: string) {
	await trx.deleteFrom('panel_pool_answer').where('member_id', '=', memberId).execute();
	await trx
		.deleteFrom('panel_volunteer')
		.where('pool_member_id', '=', memberId)
		.where('state', '=', 'in_pool')
		.where(({ exists, selectFrom, not }) =>
			not(
				exists(
					selectFrom('panel as p')
						.select('p.id')
						.whereRef('p.id', '=', 'panel_volunteer.panel_id')
						.where('p.status', '!=', 'recruiting')
				)
			)
		)
		.execute();
}

/**
 * Takes the pool members who said yes to the panel's invitation as volunteers, with their
 * attributes as the pool holds them now (read through the pool's surface).
 */
export async function takePoolVolunteers(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	memberIds: readonly string[],
	year = new Date().getFullYear()
): Promise<Result<{ count: number }>> {
	if (!isOpen(panel)) return problem('panels.errors.closed');
	if (!memberIds.length) return problem('panels.errors.noAnswers');
	return db.transaction().execute(async (trx) => {
		let n = (await volunteersOf(trx, panel.id)).filter((v) => v.source === 'pool').length;
		let count = 0;
		for (const id of memberIds) {
			const m = await exportMember(trx as unknown as PoolExecutor, id);
			if (!m) continue;
			const p = m.member;
			const attributes = poolAttributes(
				{ ...p, background: (p.background ?? {}) as Record<string, string> },
				year
			);
			n++;
			const inserted = await trx
				.insertInto('panel_volunteer')
				.values({
					panel_id: panel.id,
					ref: `P${String(n).padStart(4, '0')}`,
					source: 'pool',
					pool_member_id: id,
					name: p.name,
					email: p.email,
					locale: p.locale,
					attributes: JSON.stringify(attributes)
				})
				.onConflict((oc) => oc.doNothing())
				.returning('id')
				.executeTakeFirst();
			if (inserted) count++;
		}
		await audit(trx, user, 'panels.take_pool', panel.id, { count });
		return { ok: true as const, count };
	});
}

/**
 * A household as the draw sees it: a pseudonym of the normalised address (published with the
 * commitment, so the address itself never is). Empty for no address.
 */
export function householdKey(address: string): string {
	const norm = address.toLowerCase().replace(/\s+/g, ' ').trim();
	return norm ? `h${createHash('sha256').update(norm, 'utf8').digest('hex').slice(0, 16)}` : '';
}

const REF = /^[A-Za-z0-9_.:-]{1,60}$/;

/**
 * Volunteers from a CSV of answers to a mailed invitation: an `id` column, one column per
 * category, optional `name`, `email`, `household` (or `address`). All rows or none: any problem
 * (missing column, duplicate id, empty value, an id already among the volunteers) names its line
 * and nothing is stored.
 */
export function readVolunteersCsv(
	bytes: Uint8Array | string,
	categories: readonly string[],
	existingRefs: ReadonlySet<string>
): Result<{
	rows: {
		ref: string;
		name: string;
		email: string | null;
		household: string;
		attributes: Record<string, string>;
	}[];
}> {
	const t = readCsv(bytes);
	if (!t.ok) return problem(t.key);
	const missing = ['id', ...categories].filter((h) => !t.header.includes(h));
	if (missing.length) return problem('panels.errors.csvColumns', { columns: missing.join(', ') });
	const dup = t.header.filter((h, i) => h && t.header.indexOf(h) !== i);
	if (dup.length) return problem('panels.errors.csvColumnTwice', { column: dup[0] });
	const householdCol = t.header.includes('household')
		? 'household'
		: t.header.includes('address')
			? 'address'
			: null;
	const problems: PanelProblem[] = [];
	const first = new Map<string, number>();
	const rows = [];
	const objects = csvObjects(t);
	if (!objects.length) return problem('panels.errors.csvEmpty');
	for (const { line, values } of objects) {
		if (t.rows.find((r) => r.line === line)!.cells.length !== t.header.length) {
			problems.push({
				key: 'panels.errors.csvFields',
				params: { line, expected: t.header.length }
			});
			continue;
		}
		const ref = values.id;
		if (!REF.test(ref)) {
			problems.push({ key: 'panels.errors.csvId', params: { line } });
			continue;
		}
		if (first.has(ref)) {
			problems.push({
				key: 'panels.errors.csvDuplicate',
				params: { line, id: ref, first: first.get(ref)! }
			});
			continue;
		}
		first.set(ref, line);
		if (existingRefs.has(ref)) {
			problems.push({ key: 'panels.errors.csvKnown', params: { line, id: ref } });
			continue;
		}
		const empty = categories.find((c) => !values[c]);
		if (empty) {
			problems.push({ key: 'panels.errors.csvEmptyValue', params: { line, column: empty } });
			continue;
		}
		const email = values.email ?? '';
		if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
			problems.push({ key: 'panels.errors.csvEmail', params: { line } });
			continue;
		}
		rows.push({
			ref,
			name: (values.name ?? '').slice(0, 200),
			email: email || null,
			household: householdCol ? householdKey(values[householdCol]) : '',
			attributes: Object.fromEntries(categories.map((c) => [c, values[c].slice(0, 100)]))
		});
	}
	if (problems.length) return { ok: false, problems: problems.slice(0, 20) };
	return { ok: true, rows };
}

export async function importVolunteers(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	bytes: Uint8Array
): Promise<Result<{ count: number }>> {
	if (!isOpen(panel)) return problem('panels.errors.closed');
	const existing = new Set((await volunteersOf(db, panel.id)).map((v) => v.ref));
	const r = readVolunteersCsv(bytes, panel.categories, existing);
	if (!r.ok) return r;
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < r.rows.length; i += 500)
			await trx
				.insertInto('panel_volunteer')
				.values(
					r.rows.slice(i, i + 500).map((v) => ({
						panel_id: panel.id,
						ref: v.ref,
						source: 'mail' as const,
						name: v.name,
						email: v.email,
						household: v.household,
						attributes: JSON.stringify(v.attributes)
					}))
				)
				.execute();
		await audit(trx, user, 'panels.import', panel.id, { count: r.rows.length });
	});
	return { ok: true, count: r.rows.length };
}

export { CATEGORY_NAME };
