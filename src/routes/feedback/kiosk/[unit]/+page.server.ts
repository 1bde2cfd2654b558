import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { loadPublicSurvey } from '$lib/server/feedback/public-survey';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const { db } = await runtime();
	return loadPublicSurvey(db, params.unit, url.searchParams.get('survey'), locals.locale);
};
