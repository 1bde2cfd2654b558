import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	linesWithUnits,
	saveSurveyFromForm,
	surveyEditSchema,
	surveyForEditing
} from '$lib/server/feedback';
import type { FormMessage } from '$lib/forms';

/** The `int` matcher lets only a PostgreSQL integer reach here. */
const surveyId = (raw: string) => Number(raw);

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const s = await surveyForEditing(db, surveyId(event.params.id));
	if (!s) error(404, 'not found');
	const form = await superValidate(
		{
			name_fi: s.name_fi,
			name_sv: s.name_sv,
			name_en: s.name_en,
			active: s.active,
			unit: s.unitIds,
			questions: s.questions
		},
		zod4(surveyEditSchema),
		{ errors: false }
	);
	return {
		survey: s,
		form,
		lines: await linesWithUnits(db, event.locals.locale)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const id = surveyId(event.params.id);
		const form = await superValidate<typeof surveyEditSchema._zod.output, FormMessage>(
			event.request,
			zod4(surveyEditSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await saveSurveyFromForm(db, user.id, id, form.data);
		if (!r.ok) {
			form.message = { type: 'error', key: r.key, params: r.params };
			return setError(form, r.field, r.key);
		}
		return message(form, {
			type: 'success',
			key: 'feedback.admin.saved',
			params: { n: r.version }
		});
	}
};
