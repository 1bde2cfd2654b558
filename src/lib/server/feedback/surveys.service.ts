/**
 * Admin editing of surveys. Questions are never changed in place: a save that changes them
 * writes a new version and points the survey at it, so every stored answer keeps the exact
 * question text it was given to.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from '$lib/validation';
import type { FeedbackDb, FeedbackExecutor } from './feedback.db';
import { recordAudit } from '../core/audit';
import type { Question } from './feedback.types';
import type { SurveyCreateForm, SurveyEditForm } from './feedback.schemas';
import { getSurveyById } from './surveys.queries';
import { NEW_SURVEY_QUESTIONS } from './default-surveys';
import { clearIntakeCache } from './intake.service';
import type { Locale } from '$lib/i18n';
import { translate } from '../core/i18n/translate';
import { publicQuestions, type PublicQuestion } from './public-survey';
import {
	applyOp,
	checkDraft,
	lockedQuestions,
	readDraft,
	readOp,
	toDraft,
	type DraftErrors,
	type DraftQuestion
} from './survey-editor';

const lang = z.object({
	fi: z.string().trim().min(1).max(500),
	sv: z.string().trim().max(500).default(''),
	en: z.string().trim().max(500).default('')
});

const questionSchema = z.object({
	key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
	type: z.enum(['nps', 'statement', 'scale', 'choice', 'text']),
	text: lang,
	required: z.boolean().optional(),
	slot: z.number().int().min(1).max(6).optional(),
	max: z.number().int().min(2).max(10).optional(),
	options: z
		.array(z.object({ value: z.string().regex(/^[a-z0-9_-]{1,30}$/), text: lang }))
		.max(20)
		.optional()
});

const questionsSchema = z.array(questionSchema).min(1).max(40);

/**
 * Questions in one canonical shape (the schema's defaults filled in), so a comparison sees
 * content only: the database's jsonb reorders keys, and the form's parse adds defaults.
 */
function canonical(questions: unknown): unknown {
	const parsed = questionsSchema.safeParse(questions);
	return parsed.success ? parsed.data : questions;
}

/** True when the questions differ in anything but key order and defaults. */
export function questionsChanged(stored: unknown, edited: Question[]): boolean {
	return !isDeepStrictEqual(canonical(stored), canonical(edited));
}

/** Parses and checks questions JSON; returns the list or a human-readable problem. */
export function parseQuestions(
	json: string
): { ok: true; questions: Question[] } | { ok: false; detail: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return { ok: false, detail: 'JSON' };
	}
	const parsed = questionsSchema.safeParse(raw);
	if (!parsed.success) {
		const i = parsed.error.issues[0];
		return { ok: false, detail: i.path.join('.') || 'questions' };
	}
	const qs = parsed.data as Question[];
	const keys = new Set<string>();
	const slots = new Set<number>();
	for (const [i, q] of qs.entries()) {
		if (keys.has(q.key)) return { ok: false, detail: `${i}.key` };
		keys.add(q.key);
		if (q.type === 'nps' && (i !== 0 || q.key !== 'nps'))
			return { ok: false, detail: `${i}.type (nps)` };
		if (q.type === 'statement') {
			if (!q.slot || slots.has(q.slot)) return { ok: false, detail: `${i}.slot` };
			slots.add(q.slot);
		}
		if (q.type === 'choice' && !q.options?.length) return { ok: false, detail: `${i}.options` };
	}
	return { ok: true, questions: qs };
}

export interface SurveyEdit {
	name_fi: string;
	name_sv: string;
	name_en: string;
	active: boolean;
	unitIds: number[];
	questions: Question[];
}

export async function saveSurvey(
	db: FeedbackDb,
	actorUserId: string,
	surveyId: number,
	edit: SurveyEdit
): Promise<{ version: number }> {
	clearIntakeCache(db);
	try {
		return await db.transaction().execute(async (trx) => {
			const current = await trx
				.selectFrom('feedback_survey as s')
				.innerJoin('feedback_survey_version as v', 'v.id', 's.current_version_id')
				.select(['v.version', 'v.questions'])
				.where('s.id', '=', surveyId)
				.forUpdate()
				.executeTakeFirstOrThrow();
			let version = current.version;
			let versionId: number | undefined;
			if (questionsChanged(current.questions, edit.questions)) {
				const last = await trx
					.selectFrom('feedback_survey_version')
					.select((eb) => eb.fn.max('version').as('v'))
					.where('survey_id', '=', surveyId)
					.executeTakeFirstOrThrow();
				version = Number(last.v) + 1;
				versionId = (
					await trx
						.insertInto('feedback_survey_version')
						.values({
							survey_id: surveyId,
							version,
							questions: JSON.stringify(edit.questions),
							created_by: actorUserId
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				).id;
			}
			await trx
				.updateTable('feedback_survey')
				.set({
					name_fi: edit.name_fi,
					name_sv: edit.name_sv,
					name_en: edit.name_en,
					active: edit.active,
					...(versionId ? { current_version_id: versionId } : {})
				})
				.where('id', '=', surveyId)
				.execute();
			await trx.deleteFrom('feedback_survey_unit').where('survey_id', '=', surveyId).execute();
			if (edit.unitIds.length)
				await trx
					.insertInto('feedback_survey_unit')
					.values(edit.unitIds.map((unit_id) => ({ survey_id: surveyId, unit_id })))
					.execute();
			await recordAudit(trx, {
				actorUserId,
				action: 'feedback.survey.saved',
				entityType: 'feedback_survey',
				entityId: surveyId,
				details: { version, newVersion: Boolean(versionId), units: edit.unitIds.length }
			});
			return { version };
		});
	} finally {
		clearIntakeCache(db);
	}
}

export async function createSurvey(
	db: FeedbackDb,
	actorUserId: string,
	input: { code: string; name_fi: string; name_sv: string; name_en: string; questions: Question[] }
): Promise<number | null> {
	clearIntakeCache(db);
	try {
		return await db.transaction().execute(async (trx) => {
			const s = await trx
				.insertInto('feedback_survey')
				.values({
					code: input.code,
					kind: 'targeted',
					name_fi: input.name_fi,
					name_sv: input.name_sv,
					name_en: input.name_en
				})
				.onConflict((oc) => oc.column('code').doNothing())
				.returning('id')
				.executeTakeFirst();
			if (!s) return null;
			const v = await trx
				.insertInto('feedback_survey_version')
				.values({
					survey_id: s.id,
					version: 1,
					questions: JSON.stringify(input.questions),
					created_by: actorUserId
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx
				.updateTable('feedback_survey')
				.set({ current_version_id: v.id })
				.where('id', '=', s.id)
				.execute();
			await recordAudit(trx, {
				actorUserId,
				action: 'feedback.survey.created',
				entityType: 'feedback_survey',
				entityId: s.id
			});
			return s.id;
		});
	} finally {
		clearIntakeCache(db);
	}
}

/** A form problem the page shows at its field: an i18n key with its parameters. */
export interface SurveyFormProblem {
	ok: false;
	field: 'code';
	key: string;
	params?: Record<string, string>;
}

/** Names left empty in Swedish or English show the Finnish one. */
function names(f: { name_fi: string; name_sv: string; name_en: string }) {
	return { name_fi: f.name_fi, name_sv: f.name_sv || f.name_fi, name_en: f.name_en || f.name_fi };
}

/**
 * Creates a targeted survey from the admin's form (code and names); its first version holds the
 * national recommendation question and one open question, edited further in the question
 * editor. A taken code is the code field's problem.
 */
export async function createSurveyFromForm(
	db: FeedbackDb,
	actorUserId: string,
	form: SurveyCreateForm
): Promise<{ ok: true; id: number } | SurveyFormProblem> {
	const id = await createSurvey(db, actorUserId, {
		code: form.code,
		...names(form),
		questions: NEW_SURVEY_QUESTIONS
	});
	return id ? { ok: true, id } : { ok: false, field: 'code', key: 'feedback.errors.code' };
}

/** The public form's own words (SurveyQuestion), sent with a preview in its language. */
const FORM_LABELS = [
	'feedback.agree.1',
	'feedback.agree.2',
	'feedback.agree.3',
	'feedback.agree.4',
	'feedback.agree.5',
	'feedback.agree.dk',
	'feedback.form.required',
	'feedback.form.textHint',
	'feedback.form.npsHint',
	'feedback.form.npsLow',
	'feedback.form.npsHigh'
];

/** What the edit page shows after a step: the draft, and a saved version, a preview or problems. */
export type SurveyEditOutcome = {
	draft: DraftQuestion[];
	/** True when the draft differs from what is stored (an editing step, a refusal). */
	unsaved: boolean;
} & (
	| {
			status: 200;
			saved?: number;
			preview?: { lang: Locale; questions: PublicQuestion[]; labels: Record<string, string> };
	  }
	| { status: 400; errors: DraftErrors; params?: Record<string, string> }
);

/**
 * One press of a button on the edit form: an editing step (add, move, remove, options) answers
 * with the edited draft and saves nothing; "preview" checks the draft and renders it in the
 * chosen language; "save" checks the draft and the other fields (`fields` is null when the
 * route's schema refused them) and saves through `saveSurvey`. Any problem is a 400 that changes
 * nothing.
 */
export async function editSurvey(
	db: FeedbackDb,
	actorUserId: string,
	surveyId: number,
	posted: FormData,
	fields: SurveyEditForm | null
): Promise<SurveyEditOutcome | null> {
	const s = await getSurveyById(db, surveyId);
	if (!s) return null;
	const locked = lockedQuestions(s.kind, s.questions);
	const op = readOp(posted);
	const draft = readDraft(posted, locked);
	const step = applyOp(draft, op);
	if (!step.ok)
		return {
			status: 400,
			draft,
			unsaved: true,
			errors: { questions: step.key },
			params: step.params
		};
	if (op.op !== 'save' && op.op !== 'preview')
		return { status: 200, draft: step.draft, unsaved: true };
	const checked = checkDraft(step.draft, locked);
	if (!checked.ok)
		return {
			status: 400,
			draft: step.draft,
			unsaved: true,
			errors: checked.errors,
			params: checked.params
		};
	if (op.op === 'preview')
		return {
			status: 200,
			draft: step.draft,
			unsaved: true,
			preview: {
				lang: op.lang,
				questions: publicQuestions(checked.questions, op.lang),
				labels: Object.fromEntries(FORM_LABELS.map((k) => [k, translate(op.lang, k)]))
			}
		};
	if (!fields) return { status: 400, draft: step.draft, unsaved: true, errors: {} };
	const r = await saveSurvey(db, actorUserId, surveyId, {
		...names(fields),
		active: fields.active,
		unitIds: fields.unit,
		questions: checked.questions
	});
	return {
		status: 200,
		draft: toDraft(checked.questions, locked),
		unsaved: false,
		saved: r.version
	};
}

/** A survey as its edit form starts: the stored names, availability, units and questions. */
export async function surveyForEditing(db: FeedbackExecutor, surveyId: number) {
	const s = await getSurveyById(db, surveyId);
	if (!s) return null;
	const [units, row] = await Promise.all([
		db.selectFrom('feedback_survey_unit').select('unit_id').where('survey_id', '=', s.id).execute(),
		db
			.selectFrom('feedback_survey')
			.select('active')
			.where('id', '=', s.id)
			.executeTakeFirstOrThrow()
	]);
	return {
		id: s.id,
		code: s.code,
		kind: s.kind,
		version: s.version,
		name_fi: s.name_fi,
		name_sv: s.name_sv,
		name_en: s.name_en,
		active: row.active,
		unitIds: units.map((u) => u.unit_id),
		draft: toDraft(s.questions, lockedQuestions(s.kind, s.questions))
	};
}
