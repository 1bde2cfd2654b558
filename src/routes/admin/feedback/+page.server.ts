import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { createSurveyFromForm, listSurveys, surveyCreateSchema } from '$lib/server/feedback';
import { localName } from '$lib/i18n';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const surveys = await listSurveys(db);
	const form = await superValidate(zod4(surveyCreateSchema), { errors: false });
	return {
		form,
		surveys: surveys.map((s) => ({
			id: s.id,
			code: s.code,
			kind: s.kind,
			version: s.version,
			name: localName(s, event.locals.locale),
			questions: s.questions.length
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'admin');
		const form = await superValidate<typeof surveyCreateSchema._zod.output, FormMessage>(
			event.request,
			zod4(surveyCreateSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await createSurveyFromForm(db, user.id, form.data);
		if (!r.ok) {
			form.message = { type: 'error', key: r.key, params: r.params };
			return setError(form, r.field, r.key);
		}
		redirect(303, `/admin/feedback/${r.id}`);
	}
};
