/**
 * What the public NPS pages show: a rolling last-30-days figure, the quarter so far and a monthly
 * trend, for the county, a service line or a unit. A figure is only shown when it rests on at
 * least `threshold` answers (default 30), so small units cannot be singled out.
 */
import type { FeedbackExecutor } from './feedback.db';
import { figuresBy, toFigures, type Figures, type Scope } from './stats.queries';
import { addDays, helsinkiDay, monthStart, quarterStart } from './time';
import { feedbackConfig } from './feedback.config';

export interface PublicFigure {
	shown: boolean;
	responses: number;
	nps: number | null;
	ciLow: number | null;
	ciHigh: number | null;
	promoters: number;
	passives: number;
	detractors: number;
}

export interface PublicSummary {
	last30: PublicFigure;
	quarter: PublicFigure;
	trend: { month: string; figure: PublicFigure }[];
	from30: string;
	quarterFrom: string;
	today: string;
}

export function publicFigure(f: Figures, threshold: number): PublicFigure {
	const shown = f.n >= threshold;
	return {
		shown,
		responses: f.responses,
		nps: shown ? f.nps : null,
		ciLow: shown ? f.ciLow : null,
		ciHigh: shown ? f.ciHigh : null,
		promoters: shown ? f.promoters : 0,
		passives: shown ? f.passives : 0,
		detractors: shown ? f.detractors : 0
	};
}

export async function publicSummary(
	db: FeedbackExecutor,
	scope: Scope,
	now = new Date(),
	threshold = feedbackConfig().publicThreshold
): Promise<PublicSummary> {
	const today = helsinkiDay(now);
	const from30 = addDays(today, -29);
	const qFrom = quarterStart(today);
	const trendFrom = monthStart(today, 11);
	const start = [from30, qFrom, trendFrom].sort()[0];
	// One pass over the rollups, grouped by day; the periods are summed here.
	const days = await figuresBy(db, scope, start, today, 'day', true);
	const sum = (keep: (day: string) => boolean) => {
		const acc: Record<string, number> = {};
		for (const d of days) {
			if (!keep(d.key)) continue;
			acc.responses = (acc.responses ?? 0) + d.figures.responses;
			d.figures.counts.forEach((c, s) => (acc[`nps_${s}`] = (acc[`nps_${s}`] ?? 0) + c));
		}
		return toFigures(acc);
	};
	const months = [
		...new Set(days.map((d) => d.key.slice(0, 7)).filter((m) => m >= trendFrom.slice(0, 7)))
	].sort();
	return {
		last30: publicFigure(
			sum((d) => d >= from30),
			threshold
		),
		quarter: publicFigure(
			sum((d) => d >= qFrom),
			threshold
		),
		trend: months.map((m) => ({
			month: m,
			figure: publicFigure(
				sum((d) => d.startsWith(m)),
				threshold
			)
		})),
		from30,
		quarterFrom: qFrom,
		today
	};
}

/** Last-30-days figure for each member of a group (service lines of the county, units of a line). */
export async function publicBreakdown(
	db: FeedbackExecutor,
	scope: Scope,
	by: 'unit_id' | 'service_line_id',
	now = new Date(),
	threshold = feedbackConfig().publicThreshold
): Promise<Map<number, PublicFigure>> {
	const today = helsinkiDay(now);
	const rows = await figuresBy(db, scope, addDays(today, -29), today, by, true);
	return new Map(rows.map((r) => [Number(r.key), publicFigure(r.figures, threshold)]));
}
