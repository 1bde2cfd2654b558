import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import {
	joinSchema,
	joinPool,
	profileOptions,
	unknownReferences,
	cleanBackground,
	joinLimiter,
	CONSENT_VERSION
} from '$lib/server/pool';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await runtime();
	const form = await superValidate(zod4(joinSchema), { errors: false });
	form.data.locale = locals.locale;
	// superforms starts a number at 0; a birth year starts empty, not as "0" (issue 11).
	(form.data as { birthYear?: number }).birthYear = undefined;
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
			{ ...form.data, background: cleanBackground(questions, Object.fromEntries(data)) },
			{ userId: locals.user?.id, userEmail: locals.user?.email }
		);
		// Same answer whether or not the address was in the pool before.
		redirect(303, '/pool/check-email');
	}
};
