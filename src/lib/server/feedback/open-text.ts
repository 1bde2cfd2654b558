/**
 * Open texts for the text-analysis module, which reads and writes feedback's rows only through
 * these functions: the texts of given answers (with their unit and time, for labelling and
 * training), and the summary it writes into the reserved `text_analysis` column.
 */
import type { FeedbackExecutor } from './feedback.db';

export interface OpenTextRef {
	type: 'response' | 'case';
	id: string;
}

export interface OpenText extends OpenTextRef {
	text: string;
	unitId: number;
	serviceLineId: number;
	receivedAt: Date;
	locale: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The texts of the answers that exist and have one (others are left out), in no set order. */
export async function openTexts(db: FeedbackExecutor, refs: OpenTextRef[]): Promise<OpenText[]> {
	const responseIds = refs
		.filter((r) => r.type === 'response' && /^\d{1,10}$/.test(r.id))
		.map((r) => Number(r.id));
	const caseIds = refs.filter((r) => r.type === 'case' && UUID.test(r.id)).map((r) => r.id);
	const out: OpenText[] = [];
	for (let i = 0; i < responseIds.length; i += 1000) {
		const rows = await db
			.selectFrom('feedback_response')
			.select(['id', 'open_text', 'unit_id', 'service_line_id', 'answered_at', 'locale'])
			.where('id', 'in', responseIds.slice(i, i + 1000))
			.where('open_text', 'is not', null)
			.execute();
		for (const r of rows) {
			out.push({
				type: 'response',
				id: String(r.id),
				text: r.open_text ?? '',
				unitId: r.unit_id,
				serviceLineId: r.service_line_id,
				receivedAt: r.answered_at,
				locale: r.locale
			});
		}
	}
	for (let i = 0; i < caseIds.length; i += 1000) {
		const rows = await db
			.selectFrom('feedback_case')
			.select(['id', 'body', 'unit_id', 'service_line_id', 'created_at', 'locale'])
			.where('id', 'in', caseIds.slice(i, i + 1000))
			.execute();
		for (const r of rows) {
			out.push({
				type: 'case',
				id: r.id,
				text: r.body,
				unitId: r.unit_id,
				serviceLineId: r.service_line_id,
				receivedAt: r.created_at,
				locale: r.locale
			});
		}
	}
	return out;
}

/** Open answers received since a time (demo seeding and the back-fill of unlabelled answers). */
export async function openTextRefsSince(
	db: FeedbackExecutor,
	since: Date,
	limit = 5000
): Promise<OpenTextRef[]> {
	const responses = await db
		.selectFrom('feedback_response')
		.select('id')
		.where('open_text', 'is not', null)
		.where('received_at', '>=', since)
		.orderBy('id')
		.limit(limit)
		.execute();
	const cases = await db
		.selectFrom('feedback_case')
		.select('id')
		.where('created_at', '>=', since)
		.limit(limit)
		.execute();
	return [
		...responses.map((r) => ({ type: 'response' as const, id: String(r.id) })),
		...cases.map((r) => ({ type: 'case' as const, id: r.id }))
	];
}

/** Writes the analysis summary into the answer's reserved `text_analysis` column. */
export async function setTextAnalysis(
	db: FeedbackExecutor,
	ref: OpenTextRef,
	summary: Record<string, unknown>
): Promise<void> {
	const value = JSON.stringify(summary);
	if (ref.type === 'response') {
		if (!/^\d{1,10}$/.test(ref.id)) return;
		await db
			.updateTable('feedback_response')
			.set({ text_analysis: value })
			.where('id', '=', Number(ref.id))
			.execute();
	} else {
		if (!UUID.test(ref.id)) return;
		await db
			.updateTable('feedback_case')
			.set({ text_analysis: value })
			.where('id', '=', ref.id)
			.execute();
	}
}
