import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { deleteSessionCookie, invalidateSession } from '$lib/server/core/auth/session';

// Signing out changes state, so it is a POST only; a GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) {
			const { db } = await runtime();
			await invalidateSession(db, locals.sessionId);
		}
		deleteSessionCookie(cookies);
		redirect(303, '/auth/sign-in?signedOut=1');
	}
};
