import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { createStaffSchema } from '$lib/server/core/auth/auth.schemas';
import { createStaffAccount } from '$lib/server/core/auth/people.service';
import { ROLES } from '$lib/server/core/auth/roles';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { form: await superValidate(zod4(createStaffSchema)), roles: ROLES };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await superValidate<typeof createStaffSchema._zod.output, FormMessage>(
			event.request,
			zod4(createStaffSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { db, config } = await runtime();
		const result = await createStaffAccount(db, admin.id, config.origin, {
			email: form.data.email,
			displayName: form.data.displayName,
			locale: event.locals.locale,
			roles: form.data.roles
		});
		if (!result.ok) {
			return message(form, { type: 'error', key: 'core.admin.emailTaken' }, { status: 400 });
		}
		redirect(303, `/admin/people/${result.userId}?created=1`);
	}
};
