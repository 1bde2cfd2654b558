import type { Actions } from './$types';
import { runtime } from '$lib/server/runtime';
import { confirmStay } from '$lib/server/pool';

export const actions: Actions = {
	default: async ({ params }) => {
		const { db } = await runtime();
		return { stayed: await confirmStay(db, params.token) };
	}
};
