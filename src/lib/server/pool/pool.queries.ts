/** Reads of the pool: member search with every filter, counts for representativeness. */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { CoreTables } from '../core/db/core.tables';
import type { PoolTables } from './pool.tables';
import type { PoolExecutor } from './pool.db';
import { helsinkiDay } from '../core/time';
import {
	AGE_BANDS,
	DIMENSIONS,
	birthYearsOf,
	type Dimension,
	type MemberFilters
} from './pool.types';

type MemberQuery<O> = SelectQueryBuilder<CoreTables & PoolTables, 'pool_member', O>;

function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Applies the filters; an empty list means "any". Age bands are turned into birth-year ranges. */
export function applyFilters<O>(
	qb: MemberQuery<O>,
	f: MemberFilters,
	year: number
): MemberQuery<O> {
	if (f.q?.trim()) {
		qb = qb.where('search_text', 'like', `%${escapeLike(f.q.trim().toLowerCase())}%`);
	}
	if (f.municipality?.length) qb = qb.where('municipality_code', 'in', f.municipality);
	if (f.gender?.length) qb = qb.where('gender', 'in', f.gender);
	if (f.language?.length) qb = qb.where('mother_tongue', 'in', f.language);
	if (f.status?.length)
		qb = qb.where('status', 'in', f.status as ('pending' | 'active' | 'paused')[]);
	if (f.serviceLine?.length)
		qb = qb.where(sql<boolean>`service_line_ids && ${sql.val(f.serviceLine)}::integer[]`);
	if (f.mode?.length) qb = qb.where(sql<boolean>`modes && ${sql.val(f.mode)}::text[]`);
	if (f.ageBand?.length) {
		const ranges = f.ageBand.map((b) => birthYearsOf(b, year)).filter((r) => r !== null);
		qb = qb.where((eb) =>
			eb.or(
				ranges.map(([from, to]) =>
					eb.and([eb('birth_year', '>=', from), eb('birth_year', '<=', to)])
				)
			)
		);
	}
	// Containment (@>) so the GIN index on background answers the filter.
	for (const [qid, values] of Object.entries(f.background ?? {})) {
		if (!values.length) continue;
		qb = qb.where((eb) =>
			eb.or(
				values.map((v) => eb(sql`background`, '@>', sql`${JSON.stringify({ [qid]: v })}::jsonb`))
			)
		);
	}
	return qb;
}

export const MEMBER_LIST_COLUMNS = [
	'id',
	'name',
	'email',
	'municipality_code',
	'birth_year',
	'gender',
	'mother_tongue',
	'locale',
	'status',
	'service_line_ids',
	'modes',
	'created_at'
] as const;

export async function searchMembers(
	db: PoolExecutor,
	f: MemberFilters,
	opts: { limit?: number; offset?: number; year?: number } = {}
) {
	const year = opts.year ?? new Date().getFullYear();
	const base = applyFilters(db.selectFrom('pool_member'), f, year);
	const [rows, total] = await Promise.all([
		base
			.select(MEMBER_LIST_COLUMNS)
			.orderBy('created_at', 'desc')
			.orderBy('id')
			.limit(opts.limit ?? 50)
			.offset(opts.offset ?? 0)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n) };
}

/** Ids (and language) of every member matching the filters: the target of an invitation. */
export function memberTargets(db: PoolExecutor, f: MemberFilters, year = new Date().getFullYear()) {
	return applyFilters(db.selectFrom('pool_member'), f, year)
		.select(['id', 'email', 'locale'])
		.execute();
}

function dimensionKey(dimension: Dimension, year: number) {
	if (dimension === 'municipality') return sql<string>`municipality_code`;
	if (dimension === 'gender') return sql<string>`coalesce(gender, 'no_answer')`;
	if (dimension === 'language') return sql<string>`coalesce(mother_tongue, 'unknown')`;
	return sql<string>`case ${sql.join(
		AGE_BANDS.map(
			([label, lo, hi]) =>
				sql`when ${sql.lit(year)} - birth_year between ${sql.lit(lo)} and ${sql.lit(hi)} then ${sql.lit(label)}`
		),
		sql` `
	)} else 'other' end`;
}

/** Members counted by one dimension, as value → count. */
export async function countBy(
	db: PoolExecutor,
	dimension: Dimension,
	f: MemberFilters,
	year = new Date().getFullYear()
): Promise<Map<string, number>> {
	return (await countByAll(db, f, year, [dimension]))[dimension];
}

/** Counts by several dimensions in ONE scan (grouping sets): the representativeness view. */
export async function countByAll(
	db: PoolExecutor,
	f: MemberFilters,
	year = new Date().getFullYear(),
	dimensions: readonly Dimension[] = DIMENSIONS
): Promise<Record<Dimension, Map<string, number>>> {
	const cols = dimensions.map((d, i) => dimensionKey(d, year).as(`d${i}`));
	// Grouping sets must name the expressions themselves (literals only, so the texts match).
	const keys = dimensions.map((d) => dimensionKey(d, year));
	const sets = sql.join(
		keys.map((k) => sql`(${k})`),
		sql`, `
	);
	const rows = (await applyFilters(db.selectFrom('pool_member'), f, year)
		.select([...cols, (eb) => eb.fn.countAll<number>().as('n')])
		.select(sql<number>`grouping(${sql.join(keys)})`.as('g'))
		.groupBy(sql`grouping sets (${sets})`)
		.execute()) as unknown as Record<string, string | number>[];
	const out = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, number>()])) as Record<
		Dimension,
		Map<string, number>
	>;
	const all = (1 << dimensions.length) - 1;
	for (const r of rows) {
		// grouping() has a 0 bit (most significant first) for the dimension this row groups by.
		const i = dimensions.findIndex(
			(_, k) => (Number(r.g) & (1 << (dimensions.length - 1 - k))) === 0
		);
		if (i < 0 || Number(r.g) === all) continue;
		out[dimensions[i]].set(String(r[`d${i}`]), Number(r.n));
	}
	return out;
}

/** Members counted by service-line interest (a member may count under several lines). */
export async function countByServiceLine(
	db: PoolExecutor,
	f: MemberFilters,
	year = new Date().getFullYear()
): Promise<Map<number, number>> {
	const inner = applyFilters(db.selectFrom('pool_member'), f, year)
		.select(sql<number>`unnest(service_line_ids)`.as('k'))
		.as('s');
	const rows = await db
		.selectFrom(inner)
		.select(['s.k', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('s.k')
		.execute();
	return new Map(rows.map((r) => [Number(r.k), Number(r.n)]));
}

export function listPopulation(db: PoolExecutor) {
	return db
		.selectFrom('pool_population')
		.selectAll()
		.orderBy('dimension')
		.orderBy('value')
		.execute();
}

export function listQuestions(db: PoolExecutor, activeOnly = true) {
	let q = db.selectFrom('pool_question').selectAll().orderBy('sort_order').orderBy('id');
	if (activeOnly) q = q.where('active', '=', true);
	return q.execute();
}

export async function bumpStat(db: PoolExecutor, metric: string, now = new Date(), by = 1) {
	// The month as the county counts it: a join at 00:30 on 1 August in Finland is August's.
	const period = helsinkiDay(now).slice(0, 7);
	await db
		.insertInto('pool_stat')
		.values({ metric, period, count: by })
		.onConflict((oc) =>
			oc.columns(['metric', 'period']).doUpdateSet({ count: sql`pool_stat.count + ${by}` })
		)
		.execute();
}

/**
 * Name and contact details of members by id, for a module that seats a recruited member (the
 * councils copy them onto the member's seat). Active and paused members only.
 */
export function memberContacts(db: PoolExecutor, ids: string[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.selectFrom('pool_member')
		.select(['id', 'user_id', 'name', 'email', 'phone', 'locale'])
		.where('id', 'in', ids)
		.where('status', 'in', ['active', 'paused'])
		.execute();
}
