/**
 * The one-link opt-out of status notices. The link opens a page whose button turns them off
 * (a POST), so a mail scanner that follows links changes nothing.
 */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { optOut } from '$lib/server/impact';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	default: async ({ params }) => {
		const { db } = await runtime();
		if (!(await optOut(db, params.token))) return fail(404, { error: 'impact.notices.unknown' });
		return { done: true };
	}
};
