import type { Actions } from './$types';
import { runtime } from '$lib/server/runtime';
import { confirmMembership } from '$lib/server/pool';

// The link only shows a button: mail scanners that open links must not confirm anything.
export const actions: Actions = {
	default: async ({ params }) => {
		const { db } = await runtime();
		return { confirmed: await confirmMembership(db, params.token) };
	}
};
