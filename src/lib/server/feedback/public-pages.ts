/** Data of the public NPS pages: county → service line → unit, from rollups only. */
import { error } from '@sveltejs/kit';
import { localName, localNameLang, type Locale } from '$lib/i18n';
import type { FeedbackExecutor } from './feedback.db';
import { listServiceLines, listUnits } from '../core/org';
import { cachedPromise, shortLivedCache } from '../core/cache';
import { publicBreakdown, publicSummary } from './public-stats.service';
import { feedbackConfig } from './feedback.config';

/**
 * The county page sums every unit's rollups; under heavy load it is computed at most once per
 * 10 s per language (figures at most 10 s old). Line and unit pages are computed per request.
 */
type CountyPage = Awaited<ReturnType<typeof computeCountyPage>>;
const countyCache = shortLivedCache<Locale, Promise<CountyPage>>({ max: 8, ttlMs: 10_000 });

export function countyPage(db: FeedbackExecutor, locale: Locale): Promise<CountyPage> {
	return cachedPromise(countyCache, locale, () => computeCountyPage(db, locale));
}

async function computeCountyPage(db: FeedbackExecutor, locale: Locale) {
	const lines = await listServiceLines(db);
	const [summary, byLine] = await Promise.all([
		publicSummary(db, {}),
		publicBreakdown(db, {}, 'service_line_id')
	]);
	return {
		threshold: feedbackConfig().publicThreshold,
		summary,
		items: lines.map((l) => ({
			href: `/nps/${l.code}`,
			name: localName(l, locale),
			lang: localNameLang(l, locale),
			figure: byLine.get(l.id) ?? null
		}))
	};
}

export async function linePage(db: FeedbackExecutor, lineCode: string, locale: Locale) {
	const line = (await listServiceLines(db)).find((l) => l.code === lineCode);
	if (!line) error(404, 'not found');
	const units = (await listUnits(db)).filter((u) => u.service_line_id === line.id);
	const [summary, byUnit] = await Promise.all([
		publicSummary(db, { serviceLineId: line.id }),
		publicBreakdown(db, { serviceLineId: line.id }, 'unit_id')
	]);
	return {
		threshold: feedbackConfig().publicThreshold,
		name: localName(line, locale),
		lang: localNameLang(line, locale),
		summary,
		items: units.map((u) => ({
			href: `/nps/${line.code}/${u.code}`,
			name: localName(u, locale),
			lang: localNameLang(u, locale),
			figure: byUnit.get(u.id) ?? null
		}))
	};
}

export async function unitPage(
	db: FeedbackExecutor,
	lineCode: string,
	unitCode: string,
	locale: Locale
) {
	const line = (await listServiceLines(db)).find((l) => l.code === lineCode);
	const unit = (await listUnits(db)).find(
		(u) => u.code === unitCode && u.service_line_id === line?.id
	);
	if (!line || !unit) error(404, 'not found');
	return {
		threshold: feedbackConfig().publicThreshold,
		name: localName(unit, locale),
		lang: localNameLang(unit, locale),
		line: {
			code: line.code,
			name: localName(line, locale),
			lang: localNameLang(line, locale)
		},
		unitCode: unit.code,
		summary: await publicSummary(db, { unitIds: [unit.id] })
	};
}
