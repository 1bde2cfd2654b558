import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { loadPublicSurvey } from '$lib/server/feedback';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const { db } = await runtime();
	return loadPublicSurvey(db, params.unit, url.searchParams.get('survey'), locals.locale);
};
