/** Loading a unit's survey for the public form, kiosk and QR pages, in the reader's language. */
import { error } from '@sveltejs/kit';
import { localName, type Locale } from '$lib/i18n';
import type { FeedbackExecutor } from './feedback.db';
import { getUnitByCode, surveysForUnit } from './surveys.queries';
import { NATIONAL_CODE } from './intake.service';
import type { Question } from './feedback.types';
import { z } from '$lib/validation';
import { zod4 } from 'sveltekit-superforms/adapters';

export interface PublicQuestion {
	key: string;
	type: Question['type'];
	text: string;
	required: boolean;
	max?: number;
	options?: { value: string; text: string }[];
}

/** A version's questions as the public form shows them in one language (Finnish where one is missing). */
export function publicQuestions(questions: Question[], locale: Locale): PublicQuestion[] {
	return questions.map((q) => ({
		key: q.key,
		type: q.type,
		text: q.text[locale] || q.text.fi,
		required: Boolean(q.required),
		max: q.max,
		options: q.options?.map((o) => ({ value: o.value, text: o.text[locale] || o.text.fi }))
	}));
}

export async function loadPublicSurvey(
	db: FeedbackExecutor,
	unitCode: string,
	surveyCode: string | null,
	locale: Locale
) {
	const unit = await getUnitByCode(db, unitCode);
	if (!unit) error(404, 'not found');
	const surveys = await surveysForUnit(db, unit.id);
	const survey = surveyCode
		? surveys.find((s) => s.code === surveyCode)
		: (surveys.find((s) => s.code === NATIONAL_CODE) ?? surveys[0]);
	if (!survey) error(404, 'not found');
	const questions = publicQuestions(survey.questions, locale);
	return {
		unit: { id: unit.id, code: unit.code, name: localName(unit, locale) },
		survey: {
			id: survey.id,
			code: survey.code,
			kind: survey.kind,
			name: localName(survey, locale)
		},
		questions,
		otherSurveys: surveys
			.filter((s) => s.id !== survey.id)
			.map((s) => ({ code: s.code, name: localName(s, locale) }))
	};
}

/**
 * The survey form as superforms reads it: every question's answer as text (the intake's own
 * checkAnswers then applies the survey's rules, the same as for the JSON intake), the form's
 * idempotency key and its channel. One adapter per survey version (a version never changes).
 */
const formAdapters = new Map<string, ReturnType<typeof buildSurveyAdapter>>();

function buildSurveyAdapter(questions: { key: string }[]) {
	const answers = Object.fromEntries(
		questions.map((q) => [q.key, z.string().max(2000, { error: 'validation.tooLong' }).default('')])
	);
	return zod4(
		z.object({
			...answers,
			clientId: z
				.string()
				.regex(/^[A-Za-z0-9:_-]{8,100}$/, { error: 'feedback.errors.clientId' })
				.default(''),
			channel: z.string().max(10).default('web')
		})
	);
}

export function surveyFormAdapter(survey: { id: number }, questions: { key: string }[]) {
	const key = `${survey.id}:${questions.map((q) => q.key).join(',')}`;
	let adapter = formAdapters.get(key);
	if (!adapter) {
		adapter = buildSurveyAdapter(questions);
		formAdapters.set(key, adapter);
	}
	return adapter;
}
