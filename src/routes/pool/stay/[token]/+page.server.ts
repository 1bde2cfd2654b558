import type { Actions } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { confirmStay } from '$lib/server/pool/member.service';

export const actions: Actions = {
	default: async ({ params }) => {
		const { db } = await runtime();
		return { stayed: await confirmStay(db, params.token) };
	}
};
