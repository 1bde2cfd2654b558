import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { localName } from '$lib/i18n';
import { addDays, helsinkiDay } from '$lib/server/core/time';
import { listSurveys, recordTheme, requireFeedbackScope, themeSchema } from '$lib/server/feedback';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const { scope } = await requireFeedbackScope(event, db, event.locals.locale);
	const today = helsinkiDay(new Date());
	return {
		lines: scope.lines,
		surveys: (await listSurveys(db)).map((s) => ({
			id: s.id,
			name: localName(s, event.locals.locale)
		})),
		today,
		form: await superValidate({ from: addDays(today, -90), to: today }, zod4(themeSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db } = await runtime();
		const { user } = await requireFeedbackScope(event, db, event.locals.locale);
		const form = await superValidate(event.request, zod4(themeSchema));
		if (!form.valid) return fail(400, { form });
		const r = await recordTheme(db, user, form.data);
		if (!r.ok) return setError(form, r.error, `feedback.themes.errors.${r.error}`, { status: 400 });
		return message(form, { type: 'success', key: 'feedback.themes.recorded' });
	}
};
