import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { countyPage } from '$lib/server/feedback/public-pages';

export const load: PageServerLoad = async ({ locals }) => {
	const { db, config } = await runtime();
	return { ...(await countyPage(db, locals.locale)), demo: config.demoData };
};
