import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { listThemes, saveTheme, themeEditSchema } from '$lib/server/textanalysis';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const { db } = await runtime();
	return {
		themes: await listThemes(db),
		form: await superValidate(zod4(themeEditSchema), { errors: false })
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const { db } = await runtime();
		const form = await superValidate(event.request, zod4(themeEditSchema));
		if (!form.valid) return fail(400, { form });
		const r = await saveTheme(db, user, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: 'textanalysis.errors.forbidden' },
				{ status: 403 }
			);
		return message(form, {
			type: 'success',
			key: r.created ? 'textanalysis.taxonomy.created' : 'textanalysis.taxonomy.saved'
		});
	}
};
