/**
 * The link mailed to an address left on a conversation page ("tell me what comes of this"). The
 * link opens a page whose button confirms (a POST), so a mail scanner that follows links confirms
 * nothing; until then the address gets no notices.
 */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { confirmFollow, followRequestView, FOLLOW_DAYS } from '$lib/server/impact';

export const load: PageServerLoad = async ({ params }) => {
	const { db } = await runtime();
	return { request: await followRequestView(db, params.token), days: FOLLOW_DAYS };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const { db } = await runtime();
		if (!(await confirmFollow(db, params.token)))
			return fail(404, { error: 'impact.follow.invalidLink' });
		return { done: true };
	}
};
