import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { confirmJoin, confirmJoinSchema, confirmOffer } from '$lib/server/pool';
import { setSessionCookie } from '$lib/server/core/auth/session';
import { limitAuthForm } from '$lib/server/core/auth/auth-rate-limit';
import type { FormMessage } from '$lib/forms';

// The link only shows a button: mail scanners that open links must not confirm anything, so the
// load only looks at the link and the POST uses it.
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await runtime();
	return {
		offer: await confirmOffer(db, params.token, !!locals.user),
		form: await superValidate(zod4(confirmJoinSchema))
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals, cookies }) => {
		const form = await superValidate<typeof confirmJoinSchema._zod.output, FormMessage>(
			request,
			zod4(confirmJoinSchema)
		);
		// Never send the password back to the browser.
		const { password } = form.data;
		form.data.password = '';
		form.data.passwordConfirm = '';
		if (!form.valid) return fail(400, { form });
		// A password makes an account: the sign-up form's budget.
		if (password && (await limitAuthForm('sign-up', locals.clientIp)))
			return message(form, { type: 'error', key: 'core.errors.429' }, { status: 429 });
		const { db, config } = await runtime();
		const result = await confirmJoin(db, params.token, {
			password,
			user: locals.user,
			sessionDays: config.sessionDays
		});
		if (!result.ok)
			return message(form, { type: 'error', key: 'pool.confirm.invalid' }, { status: 400 });
		if (result.account === 'created')
			setSessionCookie(cookies, result.token, result.session.expiresAt);
		if (result.account === 'created' || result.account === 'signedIn')
			redirect(303, '/account/pool?joined=1');
		return { form, account: result.account };
	}
};
