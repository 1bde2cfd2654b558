import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { signUpSchema } from '$lib/server/core/auth/auth.schemas';
import { signUp } from '$lib/server/core/auth/account.service';
import type { FormMessage } from '$lib/forms';
import { limitAuthForm } from '$lib/server/core/auth/auth-rate-limit';

export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(signUpSchema))
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate<typeof signUpSchema._zod.output, FormMessage>(
			request,
			zod4(signUpSchema)
		);
		const { password } = form.data;
		form.data.password = '';
		form.data.passwordConfirm = '';
		if (!form.valid) return fail(400, { form });
		if (await limitAuthForm('sign-up', locals.clientIp))
			return message(form, { type: 'error', key: 'core.errors.429' }, { status: 429 });
		const { db, config } = await runtime();
		await signUp(db, config.origin, {
			email: form.data.email,
			password,
			displayName: form.data.displayName,
			locale: locals.locale
		});
		// Same answer whether or not the address was registered before.
		redirect(303, '/auth/check-email');
	}
};
