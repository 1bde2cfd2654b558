import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { changePasswordSchema } from '$lib/server/core/auth/auth.schemas';
import { changePassword } from '$lib/server/core/auth/account.service';
import { setSessionCookie } from '$lib/server/core/auth/session';
import { describeRoles } from '$lib/server/core/auth/role-labels';
import type { FormMessage } from '$lib/forms';
import { linksFor } from '$lib/server/modules';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	return {
		profile: { displayName: user.displayName, email: user.email },
		roles: await describeRoles(db, user.roles),
		links: linksFor('account', user),
		form: await superValidate(zod4(changePasswordSchema))
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = await superValidate<typeof changePasswordSchema._zod.output, FormMessage>(
			event.request,
			zod4(changePasswordSchema)
		);
		const { currentPassword, password } = form.data;
		form.data = { currentPassword: '', password: '', passwordConfirm: '' };
		if (!form.valid) return fail(400, { form });
		const { db, config } = await runtime();
		const result = await changePassword(db, user.id, currentPassword, password, config.sessionDays);
		if (!result.ok) {
			if (result.error === 'throttled') {
				return message(
					form,
					{ type: 'error', key: 'core.auth.throttled', params: { seconds: result.retryAfter } },
					{ status: 429 }
				);
			}
			return message(form, { type: 'error', key: 'core.account.wrongPassword' }, { status: 400 });
		}
		setSessionCookie(event.cookies, result.token, result.session.expiresAt);
		return message(form, { type: 'success', key: 'core.account.passwordChanged' });
	}
};
