/**
 * Figures for public pages and dashboards, read only from the daily rollups (never raw rows):
 * one small aggregate over at most a few thousand rollup rows per page.
 */
import { sql, type AliasedRawBuilder, type Expression, type SqlBool } from 'kysely';
import type { FeedbackExecutor } from './feedback.db';
import { npsFromCounts, type NpsSummary } from './nps';

export interface Scope {
	unitIds?: number[];
	serviceLineId?: number;
	surveyId?: number;
	channel?: string;
}

export interface Figures extends NpsSummary {
	responses: number;
	counts: number[];
	/** slot 1..6 → mean on 1..5 (null when nobody answered it) */
	statementMeans: (number | null)[];
	statementN: number[];
}

const NPS_COLS = Array.from({ length: 11 }, (_, s) => `nps_${s}` as const);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sums(npsOnly = false): any[] {
	const cols: AliasedRawBuilder<number, string>[] = [
		sql<number>`coalesce(sum(responses), 0)::int`.as('responses'),
		...NPS_COLS.map((c) => sql<number>`coalesce(sum(${sql.ref(c)}), 0)::int`.as(c))
	];
	for (let s = 1; s <= 6 && !npsOnly; s++) {
		cols.push(sql<number>`coalesce(sum(${sql.ref(`s${s}_sum`)}), 0)::int`.as(`s${s}_sum`));
		cols.push(sql<number>`coalesce(sum(${sql.ref(`s${s}_n`)}), 0)::int`.as(`s${s}_n`));
	}
	return cols;
}

function scoped(db: FeedbackExecutor, scope: Scope, from: string, to: string) {
	return db
		.selectFrom('feedback_rollup_daily')
		.where('day', '>=', from)
		.where('day', '<=', to)
		.where((eb) => {
			const parts: Expression<SqlBool>[] = [];
			if (scope.unitIds)
				parts.push(eb('unit_id', 'in', scope.unitIds.length ? scope.unitIds : [-1]));
			if (scope.serviceLineId !== undefined)
				parts.push(eb('service_line_id', '=', scope.serviceLineId));
			if (scope.surveyId !== undefined) parts.push(eb('survey_id', '=', scope.surveyId));
			if (scope.channel !== undefined) parts.push(eb('channel', '=', scope.channel));
			return eb.and(parts);
		});
}

export function toFigures(r: Record<string, number>): Figures {
	const counts = NPS_COLS.map((c) => Number(r[c] ?? 0));
	const statementMeans: (number | null)[] = [];
	const statementN: number[] = [];
	for (let s = 1; s <= 6; s++) {
		const n = Number(r[`s${s}_n`] ?? 0);
		statementN.push(n);
		statementMeans.push(n ? Math.round((Number(r[`s${s}_sum`]) / n) * 100) / 100 : null);
	}
	return {
		...npsFromCounts(counts),
		responses: Number(r.responses ?? 0),
		counts,
		statementMeans,
		statementN
	};
}

export async function figures(
	db: FeedbackExecutor,
	scope: Scope,
	from: string,
	to: string
): Promise<Figures> {
	const row = await scoped(db, scope, from, to).select(sums()).executeTakeFirst();
	return toFigures((row ?? {}) as Record<string, number>);
}

/** Figures grouped by a column: unit, service line, channel or month. */
export async function figuresBy(
	db: FeedbackExecutor,
	scope: Scope,
	from: string,
	to: string,
	by: 'unit_id' | 'service_line_id' | 'channel' | 'month' | 'day',
	/** Public pages need only the NPS counts: half the aggregates. */
	npsOnly = false
): Promise<{ key: string; figures: Figures }[]> {
	const keyExpr =
		by === 'month'
			? sql<string>`to_char(day, 'YYYY-MM')`
			: by === 'day'
				? sql<string>`day::text`
				: sql<string>`${sql.ref(by)}::text`;
	const rows = await scoped(db, scope, from, to)
		.select([keyExpr.as('key'), ...sums(npsOnly)])
		.groupBy(sql`1`)
		.orderBy(sql`1`)
		.execute();
	return rows.map((r) => {
		const rec = r as unknown as Record<string, number> & { key: string };
		return { key: String(rec.key), figures: toFigures(rec) };
	});
}
