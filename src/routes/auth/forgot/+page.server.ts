import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { forgotSchema } from '$lib/server/core/auth/auth.schemas';
import { requestPasswordReset } from '$lib/server/core/auth/account.service';
import type { FormMessage } from '$lib/forms';
import { limitAuthForm } from '$lib/server/core/auth/auth-rate-limit';

export const load: PageServerLoad = async () => ({ form: await superValidate(zod4(forgotSchema)) });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate<typeof forgotSchema._zod.output, FormMessage>(
			request,
			zod4(forgotSchema)
		);
		if (!form.valid) return fail(400, { form });
		if (await limitAuthForm('forgot', locals.clientIp))
			return message(form, { type: 'error', key: 'core.errors.429' }, { status: 429 });
		const { db, config } = await runtime();
		await requestPasswordReset(db, config.origin, form.data.email, locals.locale);
		return message(form, { type: 'success', key: 'core.auth.forgotSent' });
	}
};
