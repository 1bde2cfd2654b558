import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { spreadsheetHeaders } from '$lib/server/core/csv';
import { translate } from '$lib/server/core/i18n/translate';
import { invitationRepliesCsv, invitationSummary } from '$lib/server/pool';
import { readAnswerFilter } from '../answer-filter';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'pool_coordinator');
	const locale = event.locals.locale;
	const answer = readAnswerFilter(event.url);
	if (answer === false) error(400, translate(locale, 'validation.invalid'));
	const { db } = await runtime();
	const id = Number(event.params.id);
	if (!(await invitationSummary(db, id))) error(404, 'not found');
	const body = await invitationRepliesCsv(db, user.id, id, locale, answer);
	return new Response(body, { headers: spreadsheetHeaders(`kutsu-${id}-vastaukset.csv`) });
};
