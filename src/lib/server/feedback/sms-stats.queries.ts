/**
 * Figures of the SMS surveys for the staff page: visits received in the period, how many each
 * exclusion rule kept from being asked, what was sent, and response rates by form (text reply,
 * web link) and age band. Counts only; no number and no hash leaves this file.
 */
import { sql } from 'kysely';
import type { FeedbackExecutor } from './feedback.db';
import { AGE_BANDS, EXCLUSION_REASONS, type ExclusionReason } from './visits.rules';

export interface RateRow {
	form: 'text' | 'link';
	ageBand: string;
	sent: number;
	/** Text replies with an NPS; null for the link form (web answers are anonymous). */
	answered: number | null;
}

export interface SmsOverview {
	received: number;
	queued: number;
	sent: number;
	failed: number;
	excluded: Record<ExclusionReason, number>;
	excludedTotal: number;
	optOuts: number;
	rates: RateRow[];
	/** Totals per form. */
	byForm: RateRow[];
}

export async function smsOverview(
	db: FeedbackExecutor,
	unitIds: number[],
	from: Date,
	to: Date
): Promise<SmsOverview> {
	const empty = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<
		ExclusionReason,
		number
	>;
	const out: SmsOverview = {
		received: 0,
		queued: 0,
		sent: 0,
		failed: 0,
		excluded: empty,
		excludedTotal: 0,
		optOuts: 0,
		rates: [],
		byForm: []
	};
	if (!unitIds.length) return out;
	const rows = await db
		.selectFrom('feedback_visit')
		.select([
			'status',
			'excluded_reason',
			'form',
			'age_band',
			sql<number>`count(*)::int`.as('n'),
			sql<number>`(count(*) filter (where answered_at is not null))::int`.as('answered')
		])
		.where('unit_id', 'in', unitIds)
		.where('visited_at', '>=', from)
		.where('visited_at', '<', to)
		.groupBy(['status', 'excluded_reason', 'form', 'age_band'])
		.execute();
	const rate = new Map<string, RateRow>();
	for (const r of rows) {
		out.received += r.n;
		if (r.status === 'queued') out.queued += r.n;
		else if (r.status === 'failed') out.failed += r.n;
		else if (r.status === 'excluded' && r.excluded_reason) {
			out.excluded[r.excluded_reason as ExclusionReason] += r.n;
			out.excludedTotal += r.n;
		} else if (r.status === 'sent') {
			out.sent += r.n;
			const key = `${r.form}|${r.age_band}`;
			const row = rate.get(key) ?? {
				form: r.form as 'text' | 'link',
				ageBand: r.age_band,
				sent: 0,
				answered: r.form === 'text' ? 0 : null
			};
			row.sent += r.n;
			if (row.answered !== null) row.answered += r.answered;
			rate.set(key, row);
		}
	}
	for (const form of ['text', 'link'] as const) {
		const list = AGE_BANDS.map((b) => rate.get(`${form}|${b}`)).filter((x): x is RateRow => !!x);
		out.rates.push(...list);
		if (list.length)
			out.byForm.push({
				form,
				ageBand: '',
				sent: list.reduce((s, x) => s + x.sent, 0),
				answered: form === 'text' ? list.reduce((s, x) => s + (x.answered ?? 0), 0) : null
			});
	}
	const opt = await db
		.selectFrom('feedback_sms_optout')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('created_at', '>=', from)
		.where('created_at', '<', to)
		.executeTakeFirstOrThrow();
	out.optOuts = opt.n;
	return out;
}

/** The visit sources (admin page); never the token or its hash. */
export async function listVisitSources(db: FeedbackExecutor) {
	return db
		.selectFrom('feedback_visit_source as s')
		.select([
			's.id',
			's.code',
			's.name',
			's.active',
			's.created_at',
			(eb) =>
				eb
					.selectFrom('feedback_visit as v')
					.select(sql<number>`count(*)::int`.as('n'))
					.whereRef('v.source_id', '=', 's.id')
					.as('visits')
		])
		.orderBy('s.code')
		.execute();
}
