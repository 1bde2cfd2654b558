import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { linePage } from '$lib/server/feedback';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, config } = await runtime();
	return { ...(await linePage(db, params.line, locals.locale)), demo: config.demoData };
};
