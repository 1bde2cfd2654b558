import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { getSurveyById, parseQuestions, saveSurvey, linesWithUnits } from '$lib/server/feedback';

/** The `int` matcher lets only a PostgreSQL integer reach here. */
const surveyId = (raw: string) => Number(raw);

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const s = await getSurveyById(db, surveyId(event.params.id));
	if (!s) error(404, 'not found');
	const [units, active] = await Promise.all([
		db.selectFrom('feedback_survey_unit').select('unit_id').where('survey_id', '=', s.id).execute(),
		db
			.selectFrom('feedback_survey')
			.select('active')
			.where('id', '=', s.id)
			.executeTakeFirstOrThrow()
	]);
	return {
		survey: {
			id: s.id,
			code: s.code,
			kind: s.kind,
			version: s.version,
			name_fi: s.name_fi,
			name_sv: s.name_sv,
			name_en: s.name_en,
			active: active.active,
			unitIds: units.map((u) => u.unit_id),
			questions: JSON.stringify(s.questions, null, 2)
		},
		lines: await linesWithUnits(db, event.locals.locale)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const id = surveyId(event.params.id);
		const fd = await event.request.formData();
		const get = (k: string) => String(fd.get(k) ?? '').trim();
		const questionsText = get('questions');
		const q = parseQuestions(questionsText);
		if (!get('name_fi') || !q.ok)
			return fail(400, {
				questionsText,
				error: q.ok
					? { key: 'validation.required', params: {} as Record<string, string> }
					: {
							key: 'feedback.errors.questions',
							params: { detail: q.detail } as Record<string, string>
						}
			});
		const { db } = await runtime();
		const unitIds = fd
			.getAll('unit')
			.map(Number)
			.filter((n) => Number.isInteger(n) && n > 0);
		const r = await saveSurvey(db, user.id, id, {
			name_fi: get('name_fi'),
			name_sv: get('name_sv') || get('name_fi'),
			name_en: get('name_en') || get('name_fi'),
			active: fd.get('active') === 'on',
			unitIds,
			questions: q.questions
		});
		return { saved: r.version };
	}
};
