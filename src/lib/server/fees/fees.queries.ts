/** Reads of the fees module: the schedule, closed months, fee rows, sums, correction reports. */
import { sql, type RawBuilder } from 'kysely';
import type { FeesExecutor } from './fees.db';
import type { FeeKind, RateKind } from './fees.types';

/** A `date` column as 'YYYY-MM-DD' on both drivers (pg reads dates as local-midnight Dates). */
export function isoDay(column: string): RawBuilder<string> {
	return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

export interface RateRow {
	id: number;
	kind: RateKind;
	cents: number;
	valid_from: string;
	valid_to: string | null;
}

/** The whole schedule, newest validity first per kind. */
export async function listRates(db: FeesExecutor): Promise<RateRow[]> {
	return db
		.selectFrom('fee_rate')
		.select([
			'id',
			'kind',
			'cents',
			isoDay('valid_from').as('valid_from'),
			sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as('valid_to')
		])
		.orderBy('kind')
		.orderBy('valid_from', 'desc')
		.execute();
}

export async function closedMonths(db: FeesExecutor): Promise<Set<string>> {
	const rows = await db.selectFrom('fee_month').select('month').execute();
	return new Set(rows.map((r) => r.month));
}

export interface FeeRow {
	id: number;
	payee_user_id: string | null;
	payee_name: string;
	source_type: string;
	source_id: string;
	event_on: string;
	month: string;
	kind: FeeKind;
	quantity: number;
	unit_cents: number;
	amount_cents: number;
	rate_id: number | null;
	service_line_id: number | null;
	service_line_code: string | null;
	label: string;
	adjustment_of: number | null;
	note: string;
}

export interface FeeFilter {
	id?: number;
	payeeUserId?: string;
	sourceType?: string;
	sourceId?: string;
	month?: string;
	year?: number;
	limit?: number;
}

/** Fee rows matching the filter, oldest event first (ids break ties). */
export async function feesFor(db: FeesExecutor, f: FeeFilter = {}): Promise<FeeRow[]> {
	let q = db
		.selectFrom('fee_record as r')
		.leftJoin('service_line as s', 's.id', 'r.service_line_id')
		.select([
			'r.id',
			'r.payee_user_id',
			'r.payee_name',
			'r.source_type',
			'r.source_id',
			isoDay('r.event_on').as('event_on'),
			'r.month',
			'r.kind',
			sql<number>`r.quantity::float8`.as('quantity'),
			'r.unit_cents',
			'r.amount_cents',
			'r.rate_id',
			'r.service_line_id',
			's.code as service_line_code',
			'r.label',
			'r.adjustment_of',
			'r.note'
		]);
	if (f.id) q = q.where('r.id', '=', f.id);
	if (f.payeeUserId) q = q.where('r.payee_user_id', '=', f.payeeUserId);
	if (f.sourceType) q = q.where('r.source_type', '=', f.sourceType);
	if (f.sourceId) q = q.where('r.source_id', '=', f.sourceId);
	if (f.month) q = q.where('r.month', '=', f.month);
	if (f.year) q = q.where('r.month', 'like', `${f.year}-%`);
	return q
		.orderBy('r.event_on')
		.orderBy('r.id')
		.limit(f.limit ?? 1000)
		.execute();
}

export interface TotalRow {
	key: string;
	label: string;
	cents: number;
	rows: number;
}

/**
 * Sums of amount (adjustments included) by source event, payee, payroll year or service line,
 * optionally for one payee, source type or year.
 */
export async function totals(
	db: FeesExecutor,
	opts: {
		by: 'source' | 'payee' | 'year' | 'service_line';
		payeeUserId?: string;
		sourceType?: string;
		year?: number;
	}
): Promise<TotalRow[]> {
	const key =
		opts.by === 'source'
			? sql<string>`r.source_type || ':' || r.source_id`
			: opts.by === 'payee'
				? sql<string>`coalesce(r.payee_user_id::text, r.payee_name)`
				: opts.by === 'year'
					? sql<string>`substr(r.month, 1, 4)`
					: sql<string>`coalesce(s.code, '')`;
	const label =
		opts.by === 'source'
			? sql<string>`max(r.label)`
			: opts.by === 'payee'
				? sql<string>`max(r.payee_name)`
				: opts.by === 'year'
					? sql<string>`substr(r.month, 1, 4)`
					: sql<string>`coalesce(max(s.name_fi), '')`;
	let q = db
		.selectFrom('fee_record as r')
		.leftJoin('service_line as s', 's.id', 'r.service_line_id')
		.select([
			key.as('key'),
			label.as('label'),
			sql<number>`coalesce(sum(r.amount_cents), 0)::int`.as('cents'),
			sql<number>`count(*)::int`.as('rows')
		]);
	if (opts.payeeUserId) q = q.where('r.payee_user_id', '=', opts.payeeUserId);
	if (opts.sourceType) q = q.where('r.source_type', '=', opts.sourceType);
	if (opts.year) q = q.where('r.month', 'like', `${opts.year}-%`);
	return q.groupBy(key).orderBy(key).execute();
}

export interface MonthSummary {
	month: string;
	rows: number;
	cents: number;
	closed: boolean;
}

/** Every payroll month that has rows or is closed, newest first. */
export async function monthSummaries(db: FeesExecutor): Promise<MonthSummary[]> {
	const [sums, closed] = await Promise.all([
		db
			.selectFrom('fee_record')
			.select([
				'month',
				sql<number>`count(*)::int`.as('rows'),
				sql<number>`coalesce(sum(amount_cents), 0)::int`.as('cents')
			])
			.groupBy('month')
			.execute(),
		closedMonths(db)
	]);
	const out = new Map<string, MonthSummary>();
	for (const s of sums) out.set(s.month, { ...s, closed: closed.has(s.month) });
	for (const m of closed)
		if (!out.has(m)) out.set(m, { month: m, rows: 0, cents: 0, closed: true });
	return [...out.values()].sort((a, b) => b.month.localeCompare(a.month));
}

export interface CorrectionRow {
	id: number;
	body: string;
	fee_record_id: number | null;
	created_at: Date;
	resolved_at: Date | null;
	user_name: string | null;
}

/** Correction reports, open ones first; for one person when `userId` is given. */
export async function listCorrections(
	db: FeesExecutor,
	opts: { userId?: string; limit?: number } = {}
): Promise<CorrectionRow[]> {
	let q = db
		.selectFrom('fee_correction as c')
		.leftJoin('app_user as u', 'u.id', 'c.user_id')
		.select([
			'c.id',
			'c.body',
			'c.fee_record_id',
			'c.created_at',
			'c.resolved_at',
			'u.display_name as user_name'
		]);
	if (opts.userId) q = q.where('c.user_id', '=', opts.userId);
	return q
		.orderBy(sql`c.resolved_at is not null`)
		.orderBy('c.id', 'desc')
		.limit(opts.limit ?? 200)
		.execute();
}
