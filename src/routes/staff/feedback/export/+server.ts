/** CSV export of raw responses in the handler's scope, streamed in pages (keyset on id). */
import type { RequestHandler } from './$types';
import { translate } from '$lib/server/core/i18n/translate';
import { messageResponse } from '$lib/server/core/http/form-body';
import { runtime } from '$lib/server/runtime';
import { requireFeedbackScope, selectedUnits, readFilter, exportCsv } from '$lib/server/feedback';
import { recordAudit } from '$lib/server/core/audit';
import { spreadsheetHeaders } from '$lib/server/core/csv';

export const GET: RequestHandler = async (event) => {
	const { db } = await runtime();
	const { user, scope } = await requireFeedbackScope(event, db, event.locals.locale);
	const filter = readFilter(event.url);
	if (filter.invalid)
		return messageResponse(event.request, 400, translate(event.locals.locale, filter.invalid));
	const unitIds = selectedUnits(scope, filter);
	await recordAudit(db, {
		actorUserId: user.id,
		action: 'feedback.export',
		entityType: 'feedback_response',
		details: { units: unitIds.length, from: filter.from, to: filter.to }
	});
	return new Response(exportCsv(db, unitIds, filter.from, filter.to, event.locals.locale), {
		headers: spreadsheetHeaders(`palaute-${filter.from}-${filter.to}.csv`)
	});
};
