import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { countyPage } from '$lib/server/feedback';

export const load: PageServerLoad = async ({ locals }) => {
	const { db, config } = await runtime();
	return { ...(await countyPage(db, locals.locale)), demo: config.demoData };
};
