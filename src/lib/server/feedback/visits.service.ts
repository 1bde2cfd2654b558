/**
 * Visit events in: from a source system's API call (JSON) or CSV drop, all checked before any is
 * stored (one bad row refuses the whole request, naming the row and field), idempotent on the
 * source's own visit id. A visit that the source's flags already exclude (turvakielto, a shared
 * number, a follow-up, a minor without consent) is stored without its number; the others keep
 * the number until the survey is sent (sms-send.service.ts).
 */
import type { FeedbackDb } from './feedback.db';
import { csvObjects, readCsv } from '../core/csv';
import { tokenId } from '../core/auth/tokens';
import { recordAudit } from '../core/audit';
import { smsConfig } from './sms.config';
import { CSV_COLUMNS, CSV_REQUIRED, visitSchema, type VisitInput } from './visits.schemas';
import { flagExclusion, keyedHash, normalisePhone, sendAfter, surveyLocale } from './visits.rules';

/** Clocks of source systems drift a little; a visit further in the future is refused. */
const FUTURE_SLACK_MS = 5 * 60_000;
/** A visit reported this late gets no survey: refused, so the source notices. */
export const MAX_VISIT_AGE_DAYS = 7;
export const MAX_CSV_ROWS = 50_000;
const MAX_PROBLEMS = 50;

/** One refused field: `index` (API batch, 0-based) or `row` (CSV line, header = 1). */
export interface VisitProblem {
	index?: number;
	row?: number;
	field: string;
	/** i18n key */
	message: string;
}

export type VisitIntakeResult =
	| { ok: true; received: number; stored: number; duplicates: number; excluded: number }
	| { ok: false; problems: VisitProblem[] };

export interface VisitSource {
	id: number;
	code: string;
	name: string;
}

/** The active source whose token this is, or undefined. Only the token's SHA-256 is stored. */
export async function sourceByToken(
	db: FeedbackDb,
	token: string
): Promise<VisitSource | undefined> {
	if (!token) return undefined;
	return db
		.selectFrom('feedback_visit_source')
		.select(['id', 'code', 'name'])
		.where('token_hash', '=', tokenId(token))
		.where('active', '=', true)
		.executeTakeFirst();
}

export interface IntakeOptions {
	now?: Date;
	/** A staff member's upload: audited in the same transaction… */
	actorUserId?: string;
	/** …and limited to the units they handle. */
	allowedUnitIds?: number[];
}

type Located = { index?: number; row?: number; value: unknown };

/** Checks and stores visits (already split into items); nothing is stored if any is wrong. */
export async function recordVisits(
	db: FeedbackDb,
	sourceId: number,
	items: Located[],
	opts: IntakeOptions = {}
): Promise<VisitIntakeResult> {
	const { now = new Date(), actorUserId, allowedUnitIds } = opts;
	const key = smsConfig().hashKey;
	if (!key) throw new Error('FEEDBACK_PHONE_HASH_KEY is not set');
	const problems: VisitProblem[] = [];
	const at = (it: Located) => (it.row !== undefined ? { row: it.row } : { index: it.index });
	const parsed: { it: Located; v: VisitInput }[] = [];
	for (const it of items) {
		if (problems.length >= MAX_PROBLEMS) break;
		const p = visitSchema.safeParse(it.value);
		if (!p.success) {
			for (const issue of p.error.issues)
				problems.push({
					...at(it),
					field: String(issue.path[0] ?? 'visit'),
					message: issue.message
				});
			continue;
		}
		const t = new Date(p.data.visitedAt).getTime();
		if (t > now.getTime() + FUTURE_SLACK_MS)
			problems.push({ ...at(it), field: 'visitedAt', message: 'feedback.visits.errors.future' });
		else if (t < now.getTime() - MAX_VISIT_AGE_DAYS * 86_400_000)
			problems.push({ ...at(it), field: 'visitedAt', message: 'feedback.visits.errors.tooOld' });
		else parsed.push({ it, v: p.data });
	}
	const codes = [...new Set(parsed.map((p) => p.v.unit))];
	const units = new Map(
		codes.length
			? (
					await db
						.selectFrom('unit')
						.select(['id', 'code'])
						.where('active', '=', true)
						.where('code', 'in', codes)
						.execute()
				).map((u) => [u.code, u.id])
			: []
	);
	for (const { it, v } of parsed) {
		if (problems.length >= MAX_PROBLEMS) break;
		const id = units.get(v.unit);
		if (id === undefined)
			problems.push({ ...at(it), field: 'unit', message: 'feedback.visits.errors.unknownUnit' });
		else if (allowedUnitIds && !allowedUnitIds.includes(id))
			problems.push({ ...at(it), field: 'unit', message: 'feedback.visits.errors.forbiddenUnit' });
	}
	if (problems.length) return { ok: false, problems };

	const rows = parsed.map(({ v }) => {
		const phone = normalisePhone(v.phone)!;
		const visitedAt = new Date(v.visitedAt);
		const excluded = flagExclusion(v);
		return {
			source_id: sourceId,
			external_id: v.id,
			unit_id: units.get(v.unit)!,
			visited_at: visitedAt,
			send_after: sendAfter(visitedAt),
			locale: surveyLocale(v.language),
			age_band: v.ageBand,
			form: v.form ?? 'text',
			phone: excluded ? null : phone,
			phone_hash: keyedHash(key, phone),
			person_hash: v.personRef ? keyedHash(key, `person:${v.personRef}`) : null,
			non_disclosure: v.nonDisclosure,
			shared_number: v.sharedNumber,
			follow_up: v.followUp,
			minor_consent: v.minorConsent,
			status: excluded ? 'excluded' : 'queued',
			excluded_reason: excluded
		};
	});
	let stored = 0;
	let excluded = 0;
	await db.transaction().execute(async (trx) => {
		// 2 000 rows × 17 columns stays under PostgreSQL's 65 535 parameters.
		for (let i = 0; i < rows.length; i += 2000) {
			const inserted = await trx
				.insertInto('feedback_visit')
				.values(rows.slice(i, i + 2000))
				.onConflict((oc) => oc.columns(['source_id', 'external_id']).doNothing())
				.returning('status')
				.execute();
			stored += inserted.length;
			excluded += inserted.filter((r) => r.status === 'excluded').length;
		}
		if (actorUserId)
			await recordAudit(trx, {
				actorUserId,
				action: 'feedback.visits.upload',
				entityType: 'feedback_visit_source',
				entityId: sourceId,
				details: { rows: rows.length, stored, excluded }
			});
	});
	return { ok: true, received: rows.length, stored, duplicates: rows.length - stored, excluded };
}

/** A CSV drop: the header names the columns (CSV_COLUMNS), one visit per row. */
export async function recordVisitsCsv(
	db: FeedbackDb,
	sourceId: number,
	file: Uint8Array | string,
	opts: IntakeOptions = {}
): Promise<VisitIntakeResult> {
	const table = readCsv(file);
	if (!table.ok) return { ok: false, problems: [{ row: 1, field: 'file', message: table.key }] };
	const missing = CSV_REQUIRED.find((c) => !table.header.includes(c));
	if (missing)
		return {
			ok: false,
			problems: [{ row: 1, field: missing, message: 'feedback.visits.errors.missingColumn' }]
		};
	if (table.rows.length === 0)
		return {
			ok: false,
			problems: [{ row: 2, field: 'file', message: 'feedback.visits.errors.empty' }]
		};
	if (table.rows.length > MAX_CSV_ROWS)
		return {
			ok: false,
			problems: [{ row: 1, field: 'file', message: 'feedback.visits.errors.tooMany' }]
		};
	const items = csvObjects(table).map(({ line, values }) => {
		const value: Record<string, string> = {};
		for (const [col, field] of Object.entries(CSV_COLUMNS))
			if (values[col] !== undefined && values[col] !== '') value[field] = values[col];
		return { row: line, value };
	});
	const r = await recordVisits(db, sourceId, items, opts);
	if (r.ok) return r;
	// A CSV names its columns, not the API's fields.
	const column = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([c, f]) => [f, c]));
	return {
		ok: false,
		problems: r.problems.map((p) => ({ ...p, field: column[p.field] ?? p.field }))
	};
}
