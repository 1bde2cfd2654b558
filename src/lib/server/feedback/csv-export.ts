/**
 * Streams responses as a spreadsheet file (core's `writeSpreadsheetCsv`: BOM, semicolons, Helsinki
 * time) with column names and values in the reader's language: unit and survey names, the
 * channel's name, "En osaa sanoa" for dk. The unit code stays beside the name, so the answer
 * import reads the file back (see csv-import.ts for the column names it accepts).
 */
import { sql } from 'kysely';
import type { FeedbackExecutor } from './feedback.db';
import { writeSpreadsheetCsv } from '../core/csv';
import { translate } from '../core/i18n/translate';
import { localName, type Locale } from '$lib/i18n';
import { addDays } from './time';

/** Each column's own name; its header is the message `feedback.file.<name>`. */
export const EXPORT_COLUMNS = [
	'client_id',
	'answered_at',
	'unit',
	'unit_code',
	'channel',
	'survey',
	'survey_version',
	'nps',
	's1',
	's2',
	's3',
	's4',
	's5',
	's6',
	'open'
] as const;
const PAGE = 2000;

export function exportCsv(
	db: FeedbackExecutor,
	unitIds: number[],
	from: string,
	to: string,
	locale: Locale = 'fi'
): ReadableStream<Uint8Array> {
	const h = (c: string) => translate(locale, `feedback.file.${c}`);
	const answer = (v: unknown) => (v === 'dk' ? translate(locale, 'feedback.agree.dk') : v);
	const enc = new TextEncoder();
	let lastId = 0;
	let started = false;
	return new ReadableStream({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(enc.encode(writeSpreadsheetCsv([EXPORT_COLUMNS.map(h)], locale)));
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
					'u.name_fi',
					'u.name_sv',
					'u.name_en',
					'r.channel',
					's.name_fi as survey_fi',
					's.name_sv as survey_sv',
					's.name_en as survey_en',
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
					new Date(r.answered_at),
					localName(r, locale),
					r.unit_code,
					translate(locale, `feedback.channels.${r.channel}`),
					localName({ name_fi: r.survey_fi, name_sv: r.survey_sv, name_en: r.survey_en }, locale),
					r.version,
					r.nps,
					answer(a.s1),
					answer(a.s2),
					answer(a.s3),
					answer(a.s4),
					answer(a.s5),
					answer(a.s6),
					r.open_text
				];
			});
			controller.enqueue(enc.encode(writeSpreadsheetCsv(lines, locale, { bom: false })));
		}
	});
}
