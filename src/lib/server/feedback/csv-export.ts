/** Streams responses as CSV (RFC 4180, UTF-8 with BOM for spreadsheet programs). */
import { sql } from 'kysely';
import type { FeedbackExecutor } from './feedback.db';
import { writeCsv } from '../core/csv';
import { addDays } from './time';

const COLUMNS = [
	'id',
	'answered_at',
	'unit_code',
	'channel',
	'survey_code',
	'survey_version',
	'nps',
	's1',
	's2',
	's3',
	's4',
	's5',
	's6',
	'open'
];
const PAGE = 2000;

export function exportCsv(
	db: FeedbackExecutor,
	unitIds: number[],
	from: string,
	to: string
): ReadableStream<Uint8Array> {
	const enc = new TextEncoder();
	let lastId = 0;
	let started = false;
	return new ReadableStream({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(enc.encode(writeCsv([COLUMNS], { bom: true })));
			}
			const rows = await db
				.selectFrom('feedback_response as r')
				.innerJoin('unit as u', 'u.id', 'r.unit_id')
				.innerJoin('feedback_survey as s', 's.id', 'r.survey_id')
				.innerJoin('feedback_survey_version as v', 'v.id', 'r.survey_version_id')
				.select([
					'r.id',
					'r.answered_at',
					'u.code as unit_code',
					'r.channel',
					's.code as survey_code',
					'v.version',
					'r.nps',
					'r.answers',
					'r.open_text'
				])
				.where('r.unit_id', 'in', unitIds.length ? unitIds : [-1])
				// Finnish calendar days, as on the dashboard.
				.where(
					sql`r.answered_at`,
					'>=',
					sql`(${from}::date)::timestamp at time zone 'Europe/Helsinki'`
				)
				.where(
					sql`r.answered_at`,
					'<',
					sql`(${addDays(to, 1)}::date)::timestamp at time zone 'Europe/Helsinki'`
				)
				.where('r.id', '>', lastId)
				.orderBy('r.id')
				.limit(PAGE)
				.execute();
			if (rows.length === 0) {
				controller.close();
				return;
			}
			lastId = Number(rows[rows.length - 1].id);
			const lines = rows.map((r) => {
				const a = r.answers ?? {};
				return [
					r.id,
					new Date(r.answered_at).toISOString(),
					r.unit_code,
					r.channel,
					r.survey_code,
					r.version,
					r.nps,
					a.s1,
					a.s2,
					a.s3,
					a.s4,
					a.s5,
					a.s6,
					r.open_text
				];
			});
			controller.enqueue(enc.encode(writeCsv(lines)));
		}
	});
}
