import { fail } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { createVisitSource, listVisitSources, visitSourceSchema } from '$lib/server/feedback';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	return {
		sources: await listVisitSources(db),
		form: await superValidate(zod4(visitSourceSchema), { errors: false })
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'admin');
		const form = await superValidate(event.request, zod4(visitSourceSchema));
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await createVisitSource(db, user.id, form.data);
		if (!r.ok) return setError(form, r.field, r.message);
		// Shown once: only its hash is stored.
		return { form, created: { code: form.data.code, token: r.token } };
	}
};
