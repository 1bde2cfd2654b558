/** The printable A4 poster as an SVG file. */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { loadPublicSurvey } from '$lib/server/feedback/public-survey';
import { posterSvg, surveyLink } from '$lib/server/feedback/qr';
import { translate } from '$lib/server/core/i18n/translate';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const { db, config } = await runtime();
	const surveyCode = url.searchParams.get('survey');
	const s = await loadPublicSurvey(db, params.unit, surveyCode, locals.locale);
	const svg = await posterSvg({
		link: surveyLink(config.origin, s.unit.code, surveyCode),
		heading: translate(locals.locale, 'feedback.qr.scan'),
		unitName: s.unit.name,
		orVisit: translate(locals.locale, 'feedback.qr.orVisit')
	});
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'content-disposition': `inline; filename="palaute-${s.unit.code}.svg"`
		}
	});
};
