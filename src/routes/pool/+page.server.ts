import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { joinSchema } from '$lib/server/pool';
import { joinPool } from '$lib/server/pool';
import { profileOptions, unknownReferences } from '$lib/server/pool';
import { cleanBackground } from '$lib/server/pool';
import { joinLimiter } from '$lib/server/pool';
import { CONSENT_VERSION } from '$lib/server/pool';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await runtime();
	const form = await superValidate(zod4(joinSchema), { errors: false });
	form.data.locale = locals.locale;
	if (locals.user) {
		form.data.email = locals.user.email;
		form.data.name = locals.user.displayName;
	}
	return {
		form,
		...(await profileOptions(db)),
		consentVersion: CONSENT_VERSION,
		signedIn: !!locals.user
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		// Read once: superforms validates the schema's fields, the background answers (bg_<id>,
		// as many as there are questions) are checked against the questions below.
		const data = await request.formData();
		const form = await superValidate<typeof joinSchema._zod.output, FormMessage>(
			data,
			zod4(joinSchema)
		);
		if (form.valid) {
			const { db } = await runtime();
			for (const e of await unknownReferences(db, form.data)) setError(form, e.field, e.key);
		}
		if (!form.valid) return fail(400, { form });
		if (!(await joinLimiter.take(locals.clientIp ?? '')).allowed)
			return message(form, { type: 'error', key: 'pool.errors.tooMany' }, { status: 429 });
		const { db, config } = await runtime();
		const { questions } = await profileOptions(db);
		await joinPool(
			db,
			config.origin,
			{
				...form.data,
				birthYear: form.data.birthYear!,
				background: cleanBackground(questions, Object.fromEntries(data))
			},
			{ userId: locals.user?.id, userEmail: locals.user?.email }
		);
		// Same answer whether or not the address was in the pool before.
		redirect(303, '/pool/check-email');
	}
};
