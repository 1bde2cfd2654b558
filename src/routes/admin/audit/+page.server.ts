import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { auditFilterSchema, auditPage } from '$lib/server/core/audit';
import { translate } from '$lib/server/core/i18n/translate';
import { auditObjects } from '$lib/server/modules';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const locale = event.locals.locale;
	const parsed = auditFilterSchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success)
		error(400, translate(locale, parsed.error.issues[0]?.message ?? 'validation.invalid'));
	const { db } = await runtime();
	const view = await auditPage(db, auditObjects, locale, parsed.data);
	const query = new URLSearchParams(event.url.searchParams);
	query.delete('page');
	return { ...view, filter: parsed.data, query: query.toString() };
};
