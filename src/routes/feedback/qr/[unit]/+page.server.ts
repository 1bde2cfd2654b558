import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { loadPublicSurvey, qrSvg, surveyLink } from '$lib/server/feedback';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const { db, config } = await runtime();
	const surveyCode = url.searchParams.get('survey');
	const s = await loadPublicSurvey(db, params.unit, surveyCode, locals.locale);
	const link = surveyLink(config.origin, s.unit.code, surveyCode);
	return { unit: s.unit, survey: s.survey, link, svg: await qrSvg(link), surveyCode };
};
