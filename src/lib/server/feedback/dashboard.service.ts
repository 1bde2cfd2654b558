/**
 * The staff dashboard of a unit, a service line or all units a handler sees: figures from the
 * rollups; only the newest open answers come from raw rows (indexed by unit and time).
 */
import { localName, type Locale } from '$lib/i18n';
import type { FeedbackExecutor } from './feedback.db';
import { figures, figuresBy, type Figures } from './stats.queries';
import { getSurveyByCode } from './surveys.queries';
import { NATIONAL_CODE } from './intake.service';
import type { StaffScope } from './staff-scope';
import { endOfHelsinkiDay, helsinkiDay, startOfHelsinkiDay } from '../core/time';

export interface DashboardFilter {
	unitId?: number;
	lineId?: number;
	from: string;
	to: string;
}

/** The unit ids the filter selects, always within the user's scope. */
export function selectedUnits(
	scope: StaffScope,
	f: { unitId?: number; lineId?: number }
): number[] {
	if (f.unitId !== undefined) return scope.unitIds.includes(f.unitId) ? [f.unitId] : [];
	if (f.lineId !== undefined)
		return scope.lines.find((l) => l.id === f.lineId)?.units.map((u) => u.id) ?? [];
	return scope.unitIds;
}

export async function dashboard(
	db: FeedbackExecutor,
	scope: StaffScope,
	f: DashboardFilter,
	locale: Locale
) {
	const unitIds = selectedUnits(scope, f);
	const national = await getSurveyByCode(db, NATIONAL_CODE);
	const s = { unitIds };
	const [total, nationalFigures, months, units, channels, open] = await Promise.all([
		figures(db, s, f.from, f.to),
		national ? figures(db, { ...s, surveyId: national.id }, f.from, f.to) : null,
		figuresBy(db, s, f.from, f.to, 'month'),
		figuresBy(db, s, f.from, f.to, 'unit_id'),
		figuresBy(db, s, f.from, f.to, 'channel'),
		db
			.selectFrom('feedback_response')
			.select(['id', 'answered_at', 'unit_id', 'channel', 'nps', 'open_text'])
			.where('unit_id', 'in', unitIds.length ? unitIds : [-1])
			.where('open_text', 'is not', null)
			// The period is Finnish calendar days, both ends included, as in the rollups.
			.where('answered_at', '>=', startOfHelsinkiDay(f.from))
			.where('answered_at', '<=', endOfHelsinkiDay(f.to))
			.orderBy('answered_at', 'desc')
			.limit(50)
			.execute()
	]);
	const unitName = new Map(scope.lines.flatMap((l) => l.units.map((u) => [u.id, u.name])));
	const statementTexts = (national?.questions ?? [])
		.filter((q) => q.type === 'statement' && q.slot)
		.map((q) => ({ slot: q.slot!, text: q.text[locale] || q.text.fi }));
	const slim = (x: Figures) => ({
		n: x.n,
		responses: x.responses,
		nps: x.nps,
		ciLow: x.ciLow,
		ciHigh: x.ciHigh,
		counts: x.counts,
		statementMeans: x.statementMeans,
		statementN: x.statementN
	});
	return {
		unitIds,
		total: slim(total),
		statements: statementTexts.map((st) => ({
			text: st.text,
			mean: nationalFigures?.statementMeans[st.slot - 1] ?? null,
			n: nationalFigures?.statementN[st.slot - 1] ?? 0
		})),
		months: months.map((m) => ({ key: m.key, ...slim(m.figures) })),
		units: units.map((u) => ({
			key: u.key,
			name: unitName.get(Number(u.key)) ?? u.key,
			...slim(u.figures)
		})),
		channels: channels.map((c) => ({ key: c.key, ...slim(c.figures) })),
		open: open.map((o) => ({
			id: Number(o.id),
			date: helsinkiDay(new Date(o.answered_at)),
			unit: unitName.get(o.unit_id) ?? '',
			channel: o.channel,
			nps: o.nps,
			text: o.open_text ?? ''
		})),
		surveyName: national ? localName(national, locale) : ''
	};
}
