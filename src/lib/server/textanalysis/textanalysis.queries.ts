/**
 * Reads: the review queue, the model page, the dashboards and the taxonomy. Every read that
 * returns texts takes the unit ids the caller may read (feedback's scope); texts come through
 * feedback's `openTexts`, never from this module's tables (it keeps none).
 */
import { sql } from 'kysely';
import { openTexts, type FeedbackExecutor } from '../feedback';
import type { Evaluation } from '../../../../ml/text-analysis/metrics';
import type { TextanalysisDb } from './textanalysis.db';
import type { LabelTheme, SourceType, ToneId } from './textanalysis.types';
import { refKey } from './textanalysis.types';

export interface QueueItem {
	ref: string;
	unitId: number;
	receivedAt: Date;
	text: string;
	tone: ToneId;
	toneConfidence: number;
	themes: LabelTheme[];
	stage: string | null;
	confidence: number;
	status: 'auto' | 'confirmed' | 'corrected';
	needsReview: boolean;
}

/** Low-confidence answers not yet reviewed (or, with `all`, every recent answer), newest first. */
export async function reviewQueue(
	db: TextanalysisDb,
	unitIds: number[],
	opts: { all?: boolean; limit?: number } = {}
): Promise<{ items: QueueItem[]; waiting: number }> {
	if (unitIds.length === 0) return { items: [], waiting: 0 };
	let q = db.selectFrom('ta_label').selectAll().where('unit_id', 'in', unitIds);
	if (!opts.all) q = q.where('needs_review', '=', true).where('status', '=', 'auto');
	const rows = await q
		.orderBy('received_at', 'desc')
		.orderBy('source_id')
		.limit(opts.limit ?? 30)
		.execute();
	const waiting = await db
		.selectFrom('ta_label')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('unit_id', 'in', unitIds)
		.where('needs_review', '=', true)
		.where('status', '=', 'auto')
		.executeTakeFirstOrThrow();
	const texts = await openTexts(
		db as unknown as FeedbackExecutor,
		rows.map((r) => ({ type: r.source_type, id: r.source_id }))
	);
	const byRef = new Map(texts.map((t) => [refKey(t), t.text]));
	return {
		waiting: Number(waiting.n),
		items: rows.map((r) => ({
			ref: refKey({ type: r.source_type, id: r.source_id }),
			unitId: r.unit_id,
			receivedAt: r.received_at,
			text: byRef.get(refKey({ type: r.source_type, id: r.source_id })) ?? '',
			tone: r.tone,
			toneConfidence: r.tone_confidence,
			themes: r.themes,
			stage: r.stage,
			confidence: r.confidence,
			status: r.status,
			needsReview: r.needs_review
		}))
	};
}

export interface ThemeRow {
	id: string;
	name_fi: string;
	name_sv: string;
	name_en: string;
	active: boolean;
	position: number;
}

export async function listThemes(db: TextanalysisDb, opts: { activeOnly?: boolean } = {}) {
	let q = db
		.selectFrom('ta_theme')
		.select(['id', 'name_fi', 'name_sv', 'name_en', 'active', 'position']);
	if (opts.activeOnly) q = q.where('active', '=', true);
	return (await q.orderBy('position').orderBy('id').execute()) as ThemeRow[];
}

export interface ModelVersionRow {
	version: number;
	status: string;
	trigger: string;
	score: number;
	comparedScore: number | null;
	trainRows: number;
	holdoutRows: number;
	seconds: number;
	createdAt: Date;
}

export async function modelHistory(db: TextanalysisDb): Promise<ModelVersionRow[]> {
	const rows = await db
		.selectFrom('ta_model')
		.select([
			'version',
			'status',
			'trigger',
			'score',
			'compared_score',
			'train_rows',
			'holdout_rows',
			'seconds',
			'created_at'
		])
		.orderBy('version', 'desc')
		.limit(50)
		.execute();
	return rows.map((r) => ({
		version: r.version,
		status: r.status,
		trigger: r.trigger,
		score: r.score,
		comparedScore: r.compared_score,
		trainRows: r.train_rows,
		holdoutRows: r.holdout_rows,
		seconds: r.seconds,
		createdAt: r.created_at
	}));
}

/** The evaluation of a version (the active one by default), as computed when it was trained. */
export async function modelEvaluation(
	db: TextanalysisDb,
	version?: number
): Promise<{
	version: number;
	evaluation: Evaluation;
	examplesPerLabel: Record<string, number>;
} | null> {
	let q = db.selectFrom('ta_model').select(['version', 'evaluation', 'examples_per_label']);
	q = version === undefined ? q.where('status', '=', 'active') : q.where('version', '=', version);
	const r = await q.executeTakeFirst();
	return r
		? { version: r.version, evaluation: r.evaluation, examplesPerLabel: r.examples_per_label }
		: null;
}

export async function retrainPending(db: TextanalysisDb): Promise<boolean> {
	return !!(await db
		.selectFrom('ta_retrain_request')
		.select('id')
		.where('finished_at', 'is', null)
		.executeTakeFirst());
}

export interface MonthCount {
	month: string;
	key: string;
	n: number;
}

const month = sql<string>`to_char(received_at at time zone 'Europe/Helsinki', 'YYYY-MM')`;

/** Theme mentions per month (Helsinki) in the given units, from `from` on. */
export async function themeCounts(
	db: TextanalysisDb,
	unitIds: number[],
	from: Date
): Promise<MonthCount[]> {
	if (unitIds.length === 0) return [];
	const r = await sql<{ month: string; key: string; n: string }>`
		select ${month} as month, t.value->>'id' as key, count(*) as n
		from ta_label, jsonb_array_elements(themes) t
		where unit_id in (${sql.join(unitIds)}) and received_at >= ${from}
		group by 1, 2 order by 1, 2`.execute(db);
	return r.rows.map((x) => ({ month: x.month, key: x.key, n: Number(x.n) }));
}

/** Answers per tone per month. */
export async function toneCounts(
	db: TextanalysisDb,
	unitIds: number[],
	from: Date
): Promise<MonthCount[]> {
	if (unitIds.length === 0) return [];
	const r = await sql<{ month: string; key: string; n: string }>`
		select ${month} as month, tone as key, count(*) as n
		from ta_label
		where unit_id in (${sql.join(unitIds)}) and received_at >= ${from}
		group by 1, 2 order by 1, 2`.execute(db);
	return r.rows.map((x) => ({ month: x.month, key: x.key, n: Number(x.n) }));
}

export interface Rising {
	theme: string;
	unitId: number;
	serviceLineId: number;
	thisMonth: number;
	previousAverage: number;
	answers: number;
}

/**
 * Rising themes: this month's mentions against the mean of the three months before, per unit;
 * rising when at least 3 mentions and at least 1.5 × the earlier mean (or new).
 */
export async function risingThemes(
	db: TextanalysisDb,
	unitIds: number[],
	now = new Date()
): Promise<Rising[]> {
	if (unitIds.length === 0) return [];
	const r = await sql<{
		theme: string;
		unit_id: number;
		service_line_id: number;
		cur: string;
		prev: string;
		answers: string;
	}>`
		with m as (
			select date_trunc('month', ${now}::timestamptz at time zone 'Europe/Helsinki') as start
		), l as (
			select unit_id, service_line_id, themes,
				received_at at time zone 'Europe/Helsinki' as local_at
			from ta_label
			where unit_id in (${sql.join(unitIds)})
		)
		select t.value->>'id' as theme, l.unit_id, l.service_line_id,
			count(*) filter (where l.local_at >= m.start) as cur,
			count(*) filter (where l.local_at < m.start and l.local_at >= m.start - interval '3 months') as prev,
			(select count(*) from l l2 where l2.unit_id = l.unit_id and l2.local_at >= m.start) as answers
		from l cross join m, jsonb_array_elements(l.themes) t
		where l.local_at >= m.start - interval '3 months'
		group by 1, 2, 3, m.start`.execute(db);
	return r.rows
		.map((x) => ({
			theme: x.theme,
			unitId: x.unit_id,
			serviceLineId: x.service_line_id,
			thisMonth: Number(x.cur),
			previousAverage: Number(x.prev) / 3,
			answers: Number(x.answers)
		}))
		.filter((x) => x.thisMonth >= 3 && x.thisMonth >= 1.5 * x.previousAverage)
		.sort((a, b) => b.thisMonth - b.previousAverage - (a.thisMonth - a.previousAverage));
}

/** A few recent example answers per theme (texts only for units the caller may read). */
export async function themeExamples(
	db: TextanalysisDb,
	unitIds: number[],
	perTheme = 3
): Promise<Record<string, { ref: string; text: string; tone: ToneId }[]>> {
	if (unitIds.length === 0) return {};
	const r = await sql<{ theme: string; source_type: SourceType; source_id: string; tone: ToneId }>`
		select theme, source_type, source_id, tone from (
			select t.value->>'id' as theme, source_type, source_id, tone,
				row_number() over (partition by t.value->>'id' order by received_at desc, source_id) as k
			from ta_label, jsonb_array_elements(themes) t
			where unit_id in (${sql.join(unitIds)})
		) x where k <= ${perTheme}`.execute(db);
	const texts = await openTexts(
		db as unknown as FeedbackExecutor,
		r.rows.map((x) => ({ type: x.source_type, id: x.source_id }))
	);
	const byRef = new Map(texts.map((t) => [refKey(t), t.text]));
	const out: Record<string, { ref: string; text: string; tone: ToneId }[]> = {};
	for (const x of r.rows) {
		const ref = refKey({ type: x.source_type, id: x.source_id });
		const text = byRef.get(ref);
		if (text === undefined) continue;
		(out[x.theme] ??= []).push({ ref, text, tone: x.tone });
	}
	return out;
}
