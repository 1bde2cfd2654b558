/**
 * Stores survey responses from every channel. One rule for all: answers are checked against the
 * survey version the unit offers, the client-generated id makes a retry land once, and the daily
 * rollup is updated in the same transaction, only for rows actually inserted.
 */
import { sql } from 'kysely';
import type { FeedbackDb, FeedbackTx } from './feedback.db';
import { shortLivedCache } from '../core/cache';
import { publish } from '../core/events';
import { checkAnswers, type CheckedAnswers } from './answers';
import { surveysForUnit, type SurveyWithQuestions } from './surveys.queries';
import type { Channel, ResponseInput } from './feedback.types';
import { helsinkiDay } from './time';

export const NATIONAL_CODE = 'thl-national';

export class IntakeError extends Error {
	constructor(
		public readonly code: string,
		public readonly details: Record<string, unknown> = {}
	) {
		super(code);
	}
}

/**
 * Unit and survey look-ups are cached per database for a few seconds: at 1 000 answers a
 * second they would otherwise be most of the work. Survey edits clear the cache.
 */
interface LookupCache {
	units: Map<number, number | null>;
	surveys: Map<string, SurveyWithQuestions | undefined>;
}
const caches = shortLivedCache<FeedbackDb, LookupCache>({ max: 16, ttlMs: 10_000 });

function lookupCache(db: FeedbackDb): LookupCache {
	let c = caches.get(db);
	if (!c) caches.set(db, (c = { units: new Map(), surveys: new Map() }));
	return c;
}

export function clearIntakeCache(db: FeedbackDb): void {
	caches.delete(db);
}

export interface Prepared {
	input: ResponseInput;
	survey: SurveyWithQuestions;
	serviceLineId: number;
	checked: CheckedAnswers;
	answeredAt: Date;
}

export interface IntakeResult {
	stored: number;
	duplicates: number;
}

/** Picks the survey: the one asked for (if offered in the unit) or the national default. */
export async function resolveSurvey(
	db: FeedbackDb | FeedbackTx,
	unitId: number,
	surveyId?: number
): Promise<SurveyWithQuestions | undefined> {
	const offered = await surveysForUnit(db, unitId);
	if (surveyId !== undefined) return offered.find((s) => s.id === surveyId);
	return offered.find((s) => s.code === NATIONAL_CODE) ?? offered[0];
}

export interface ItemProblem {
	index: number;
	errors: Record<string, string>;
}

/**
 * Checks each item on its own: the good ones ready to write (with their index in the input) and
 * the refused ones with their errors (i18n keys).
 */
export async function checkResponses(
	db: FeedbackDb,
	inputs: ResponseInput[]
): Promise<{ prepared: (Prepared & { index: number })[]; problems: ItemProblem[] }> {
	const { units, surveys } = lookupCache(db);
	const prepared: (Prepared & { index: number })[] = [];
	const problems: ItemProblem[] = [];
	for (const [index, input] of inputs.entries()) {
		if (!units.has(input.unitId)) {
			const u = await db
				.selectFrom('unit')
				.select('service_line_id')
				.where('id', '=', input.unitId)
				.where('active', '=', true)
				.executeTakeFirst();
			units.set(input.unitId, u?.service_line_id ?? null);
		}
		const serviceLineId = units.get(input.unitId);
		if (!serviceLineId) {
			problems.push({ index, errors: { unit: 'feedback.errors.unit' } });
			continue;
		}
		const sk = `${input.unitId}:${input.surveyId ?? ''}`;
		if (!surveys.has(sk)) surveys.set(sk, await resolveSurvey(db, input.unitId, input.surveyId));
		const survey = surveys.get(sk);
		if (!survey) {
			problems.push({ index, errors: { survey: 'feedback.errors.survey' } });
			continue;
		}
		const checked = checkAnswers(survey.questions, input.answers);
		if (!checked.ok) {
			problems.push({ index, errors: checked.errors });
			continue;
		}
		const answeredAt = input.answeredAt ?? new Date();
		prepared.push({ index, input, survey, serviceLineId, checked: checked.value, answeredAt });
	}
	return { prepared, problems };
}

/**
 * Validates a batch; throws IntakeError('invalid', {problems: [{index, errors}]}) when any item
 * is wrong, so nothing of a bad batch is written (imports and single answers; the kiosk's
 * batches are answered item by item through checkResponses).
 */
export async function prepareResponses(
	db: FeedbackDb,
	inputs: ResponseInput[]
): Promise<Prepared[]> {
	const { prepared, problems } = await checkResponses(db, inputs);
	if (problems.length) throw new IntakeError('invalid', { problems });
	return prepared;
}

export async function submitResponses(
	db: FeedbackDb,
	inputs: ResponseInput[]
): Promise<IntakeResult> {
	if (inputs.length === 0) return { stored: 0, duplicates: 0 };
	const prepared = await prepareResponses(db, inputs);
	const fresh = await writePrepared(db, prepared);
	return { stored: fresh.size, duplicates: inputs.length - fresh.size };
}

/**
 * Writes checked responses and their rollups in one transaction; returns the client ids that
 * were new (a retried or repeated id is skipped and not counted twice).
 */
export async function writePrepared(db: FeedbackDb, prepared: Prepared[]): Promise<Set<string>> {
	if (prepared.length === 0) return new Set();
	return db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('feedback_response')
			.values(
				prepared.map((p) => ({
					client_id: p.input.clientId,
					survey_id: p.survey.id,
					survey_version_id: p.survey.versionId,
					unit_id: p.input.unitId,
					service_line_id: p.serviceLineId,
					channel: p.input.channel,
					nps: p.checked.nps,
					answers: JSON.stringify(p.checked.answers),
					open_text: p.checked.openText,
					locale: p.input.locale ?? 'fi',
					answered_at: p.answeredAt
				}))
			)
			.onConflict((oc) => oc.column('client_id').doNothing())
			.returning(['client_id', 'id', 'open_text'])
			.execute();
		const fresh = new Set(inserted.map((r) => r.client_id));
		const withText = inserted.filter((r) => r.open_text !== null && r.open_text.trim() !== '');
		if (withText.length) {
			await publish(trx, 'feedback.open_texts_received', {
				refs: withText.map((r) => ({ type: 'response' as const, id: String(r.id) }))
			});
		}
		// A batch may repeat a client id: count each once.
		const seen = new Set<string>();
		const counted = prepared.filter((p) => {
			if (!fresh.has(p.input.clientId) || seen.has(p.input.clientId)) return false;
			seen.add(p.input.clientId);
			return true;
		});
		await addToRollups(trx, counted);
		return seen;
	});
}

type RollupRow = Record<string, number | string>;

/** One upsert per (day, unit, survey, channel), summed in memory first: fewer hot-row locks. */
async function addToRollups(trx: FeedbackTx, items: Prepared[]): Promise<void> {
	const rows = new Map<string, RollupRow>();
	for (const p of items) {
		const day = helsinkiDay(p.answeredAt);
		const key = `${day}|${p.input.unitId}|${p.survey.id}|${p.input.channel}`;
		let row = rows.get(key);
		if (!row) {
			row = {
				day,
				unit_id: p.input.unitId,
				service_line_id: p.serviceLineId,
				survey_id: p.survey.id,
				channel: p.input.channel as Channel,
				responses: 0
			};
			for (let s = 0; s <= 10; s++) row[`nps_${s}`] = 0;
			for (let s = 1; s <= 6; s++) row[`s${s}_sum`] = row[`s${s}_n`] = 0;
			rows.set(key, row);
		}
		(row.responses as number)++;
		if (p.checked.nps !== null) (row[`nps_${p.checked.nps}`] as number)++;
		for (const [slot, v] of Object.entries(p.checked.slots)) {
			if (Number(slot) < 1 || Number(slot) > 6) continue;
			(row[`s${slot}_sum`] as number) += v;
			(row[`s${slot}_n`] as number)++;
		}
	}
	if (rows.size === 0) return;
	const counters = Object.keys([...rows.values()][0]).filter(
		(k) => !['day', 'unit_id', 'service_line_id', 'survey_id', 'channel'].includes(k)
	);
	// Sorted keys: concurrent batches lock rollup rows in the same order (no deadlocks).
	const values = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
	await trx
		.insertInto('feedback_rollup_daily')
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		.values(values as any)
		.onConflict((oc) =>
			oc
				.columns(['day', 'unit_id', 'survey_id', 'channel'])
				.doUpdateSet(
					Object.fromEntries(
						counters.map((c) => [
							c,
							sql`feedback_rollup_daily.${sql.ref(c)} + excluded.${sql.ref(c)}`
						])
					)
				)
		)
		.execute();
}

/**
 * Rebuilds rollups for a day range from raw rows: the idempotent repair job (e.g. after a
 * restore or a CSV import done with a bulk loader). Normal intake keeps them current itself.
 */
export async function rebuildRollups(
	db: FeedbackDb,
	fromDay: string,
	toDay: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('feedback_rollup_daily')
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.execute();
		const npsCols = Array.from(
			{ length: 11 },
			(_, s) => sql`count(*) filter (where nps = ${sql.lit(s)})::int`
		);
		const stmtCols = Array.from({ length: 6 }, (_, i) => {
			const k = sql.lit(`s${i + 1}`);
			return sql`coalesce(sum((answers->>${k})::int) filter (where jsonb_typeof(answers->${k}) = 'number'), 0)::int, count(*) filter (where jsonb_typeof(answers->${k}) = 'number')::int`;
		});
		await sql`insert into feedback_rollup_daily
			(day, unit_id, service_line_id, survey_id, channel, responses,
			 nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10,
			 s1_sum, s1_n, s2_sum, s2_n, s3_sum, s3_n, s4_sum, s4_n, s5_sum, s5_n, s6_sum, s6_n)
			select (answered_at at time zone 'Europe/Helsinki')::date as day, unit_id, service_line_id,
				survey_id, channel, count(*)::int, ${sql.join(npsCols)}, ${sql.join(stmtCols)}
			from feedback_response
			where (answered_at at time zone 'Europe/Helsinki')::date between ${fromDay}::date and ${toDay}::date
			group by 1, 2, 3, 4, 5`.execute(trx);
	});
}
