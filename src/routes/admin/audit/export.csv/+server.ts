import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { auditCsv, auditFilterSchema } from '$lib/server/core/audit';
import { spreadsheetHeaders } from '$lib/server/core/csv';
import { translate } from '$lib/server/core/i18n/translate';
import { auditObjects } from '$lib/server/modules';
import { helsinkiDay } from '$lib/server/core/time';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'admin');
	const locale = event.locals.locale;
	const parsed = auditFilterSchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success)
		error(400, translate(locale, parsed.error.issues[0]?.message ?? 'validation.invalid'));
	const { db } = await runtime();
	const body = await auditCsv(db, auditObjects, locale, user.id, parsed.data);
	return new Response(body, {
		headers: spreadsheetHeaders(`muutosloki-${helsinkiDay(new Date())}.csv`)
	});
};
