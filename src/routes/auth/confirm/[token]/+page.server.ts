import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { confirmEmail, isTokenUsable } from '$lib/server/core/auth/account.service';

// The link opens a page and a button confirms: mail scanners that follow links change nothing.
export const load: PageServerLoad = async ({ params }) => {
	const { db } = await runtime();
	return { usable: await isTokenUsable(db, params.token, 'verify_email') };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const { db } = await runtime();
		const result = await confirmEmail(db, params.token);
		if (!result.ok) return fail(400, { invalid: true });
		redirect(303, '/auth/sign-in?confirmed=1');
	}
};
