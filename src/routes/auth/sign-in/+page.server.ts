import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { signInSchema } from '$lib/server/core/auth/auth.schemas';
import { resendConfirmation, signIn } from '$lib/server/core/auth/account.service';
import { setSessionCookie } from '$lib/server/core/auth/session';
import { safeRedirectTarget } from '$lib/server/core/http/safe-redirect';
import type { FormMessage } from '$lib/forms';
import { limitAuthForm } from '$lib/server/core/auth/auth-rate-limit';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('next'), '/account'));
	return { form: await superValidate(zod4(signInSchema)) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const form = await superValidate<typeof signInSchema._zod.output, FormMessage>(
			request,
			zod4(signInSchema)
		);
		// Never send the password back to the browser.
		const password = form.data.password;
		form.data.password = '';
		if (!form.valid) return fail(400, { form });
		if (await limitAuthForm('sign-in', locals.clientIp))
			return message(form, { type: 'error', key: 'core.errors.429' }, { status: 429 });
		const { db, config } = await runtime();
		const result = await signIn(db, {
			email: form.data.email,
			password,
			ip: locals.clientIp,
			sessionDays: config.sessionDays
		});
		if (!result.ok) {
			if (result.error === 'throttled') {
				return message(
					form,
					{ type: 'error', key: 'core.auth.throttled', params: { seconds: result.retryAfter } },
					{ status: 429 }
				);
			}
			if (result.error === 'email_not_confirmed') {
				await resendConfirmation(db, config.origin, result.userId);
				return message(form, { type: 'error', key: 'core.auth.notConfirmed' }, { status: 400 });
			}
			return message(form, { type: 'error', key: 'core.auth.invalidCredentials' }, { status: 400 });
		}
		setSessionCookie(cookies, result.token, result.session.expiresAt);
		redirect(303, safeRedirectTarget(url.searchParams.get('next'), '/account'));
	}
};
