/**
 * CSV import of answers collected elsewhere (paper forms, another system), into the national
 * survey with channel 'import'. All rows are checked first; one bad row rejects the file, so an
 * import is all or nothing. client_id makes re-importing the same file harmless.
 */
import type { FeedbackDb } from './feedback.db';
import { codeOf, codesByLabel, columnNames, csvDateTime, csvHeader, readCsv } from '../core/csv';
import { recordAudit } from '../core/audit';
import { checkAnswers } from './answers';
import { getSurveyByCode } from './surveys.queries';
import { NATIONAL_CODE, submitResponses } from './intake.service';
import type { ResponseInput } from './feedback.types';

export const MAX_ROWS = 50_000;
const REQUIRED = ['client_id', 'unit_code', 'nps'];
const ANSWER_COLS = ['nps', 's1', 's2', 's3', 's4', 's5', 's6', 'open'];
/** The export's readable headers, in any language, read as the columns' own names. */
const HEADER_ALIASES: Record<string, string[]> = Object.fromEntries(
	['client_id', 'unit_code', 'answered_at', ...ANSWER_COLS].map((c) => [
		c,
		columnNames(`feedback.file.${c}`)
	])
);
/** "En osaa sanoa" / "Vet inte" back to dk. */
const DK = codesByLabel('feedback.agree', ['dk']);

export interface ImportProblem {
	key: string;
	params: Record<string, string | number>;
}

export type ImportResult =
	{ ok: true; stored: number; duplicates: number } | { ok: false; problems: ImportProblem[] };

export async function importCsv(
	db: FeedbackDb,
	file: Uint8Array | string,
	allowedUnitIds: number[],
	now = new Date()
): Promise<ImportResult> {
	const table = readCsv(file);
	if (!table.ok) return { ok: false, problems: [{ key: table.key, params: {} }] };
	const header = csvHeader(table.header, HEADER_ALIASES);
	const rows = table.rows;
	const missing = REQUIRED.find((c) => !header.includes(c));
	if (missing)
		return {
			ok: false,
			problems: [{ key: 'feedback.import.badHeader', params: { column: missing } }]
		};
	if (rows.length > MAX_ROWS)
		return { ok: false, problems: [{ key: 'feedback.import.tooMany', params: { n: MAX_ROWS } }] };
	const survey = await getSurveyByCode(db, NATIONAL_CODE);
	if (!survey) throw new Error('national survey missing');
	const units = new Map(
		(await db.selectFrom('unit').select(['id', 'code']).where('active', '=', true).execute()).map(
			(u) => [u.code, u.id]
		)
	);
	const col = (r: string[], name: string) => {
		const i = header.indexOf(name);
		return i >= 0 ? (r[i] ?? '').trim() : '';
	};
	const problems: ImportProblem[] = [];
	const inputs: ResponseInput[] = [];
	rows.forEach(({ line: row, cells: r }) => {
		if (problems.length >= 20) return;
		const unitCode = col(r, 'unit_code');
		const unitId = units.get(unitCode);
		if (!unitId || !allowedUnitIds.includes(unitId)) {
			problems.push({ key: 'feedback.import.forbiddenUnit', params: { row, unit: unitCode } });
			return;
		}
		const clientId = col(r, 'client_id');
		if (!/^[A-Za-z0-9:_-]{1,90}$/.test(clientId)) {
			problems.push({
				key: 'feedback.import.rowError',
				params: { row, field: 'client_id', message: 'feedback.errors.clientId' }
			});
			return;
		}
		const answers: Record<string, string> = {};
		for (const c of ANSWER_COLS)
			if (col(r, c) !== '') answers[c] = c === 'open' ? col(r, c) : codeOf(DK, col(r, c));
		const checked = checkAnswers(survey.questions, answers);
		if (!checked.ok) {
			for (const [field, message] of Object.entries(checked.errors))
				problems.push({ key: 'feedback.import.rowError', params: { row, field, message } });
			return;
		}
		const at = col(r, 'answered_at');
		const when = at ? csvDateTime(at) : now;
		if (!when || when > now) {
			problems.push({
				key: 'feedback.import.rowError',
				params: { row, field: 'answered_at', message: 'feedback.errors.answeredAt' }
			});
			return;
		}
		inputs.push({
			clientId: `import:${clientId}`,
			unitId,
			surveyId: survey.id,
			channel: 'import',
			answers,
			answeredAt: when
		});
	});
	if (problems.length) return { ok: false, problems };
	let stored = 0;
	let duplicates = 0;
	for (let i = 0; i < inputs.length; i += 1000) {
		const r = await submitResponses(db, inputs.slice(i, i + 1000));
		stored += r.stored;
		duplicates += r.duplicates;
	}
	return { ok: true, stored, duplicates };
}

/** A staff member's import from the import page, audited with its counts when it is stored. */
export async function importCsvAsStaff(
	db: FeedbackDb,
	actorUserId: string,
	file: Uint8Array,
	allowedUnitIds: number[]
): Promise<ImportResult> {
	const result = await importCsv(db, file, allowedUnitIds);
	if (result.ok)
		await recordAudit(db, {
			actorUserId,
			action: 'feedback.import',
			entityType: 'feedback_response',
			details: { stored: result.stored, duplicates: result.duplicates }
		});
	return result;
}
