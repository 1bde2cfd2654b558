import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { resetSchema } from '$lib/server/core/auth/auth.schemas';
import { isTokenUsable, resetPassword } from '$lib/server/core/auth/account.service';
import { deleteSessionCookie } from '$lib/server/core/auth/session';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async ({ params }) => {
	const { db } = await runtime();
	return {
		usable: await isTokenUsable(db, params.token, 'reset_password'),
		form: await superValidate(zod4(resetSchema))
	};
};

export const actions: Actions = {
	default: async ({ request, params, cookies }) => {
		const form = await superValidate<typeof resetSchema._zod.output, FormMessage>(
			request,
			zod4(resetSchema)
		);
		const { password } = form.data;
		form.data.password = '';
		form.data.passwordConfirm = '';
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const result = await resetPassword(db, params.token, password);
		if (!result.ok)
			return message(form, { type: 'error', key: 'core.auth.invalidLink' }, { status: 400 });
		deleteSessionCookie(cookies);
		redirect(303, '/auth/sign-in?reset=1');
	}
};
