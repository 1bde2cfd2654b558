import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	EDITABLE_TYPES,
	editSurvey,
	linesWithUnits,
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
			unit: s.unitIds
		},
		zod4(surveyEditSchema),
		{ errors: false }
	);
	return {
		survey: s,
		form,
		types: EDITABLE_TYPES,
		lines: await linesWithUnits(db, event.locals.locale)
	};
};

/**
 * Every button of the edit form posts here: `op` names the step (save, preview, add, up:i,
 * down:i, remove:i, addopt:i, rmopt:i:j). Only "save" writes; the others answer with the edited
 * form, so the editor works without JavaScript.
 */
export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const id = surveyId(event.params.id);
		const data = await event.request.formData();
		const saving = !data.get('op') || data.get('op') === 'save';
		const form = await superValidate<typeof surveyEditSchema._zod.output, FormMessage>(
			data,
			zod4(surveyEditSchema),
			// An editing step shows no problems of the other fields: they are checked on save.
			{ errors: saving }
		);
		const { db } = await runtime();
		const r = await editSurvey(db, user.id, id, data, saving && form.valid ? form.data : null);
		if (!r) error(404, 'not found');
		if (r.status === 400) {
			if (r.errors.questions || Object.keys(r.errors).length)
				form.message = {
					type: 'error',
					key: r.errors.questions ?? 'core.errors.formInvalid',
					params: r.params
				};
			return fail(400, { form, editor: r });
		}
		if (r.saved !== undefined)
			form.message = { type: 'success', key: 'feedback.admin.saved', params: { n: r.saved } };
		return { form, editor: r };
	}
};
