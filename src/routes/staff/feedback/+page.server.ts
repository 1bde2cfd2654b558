import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { translate } from '$lib/server/core/i18n/translate';
import { runtime } from '$lib/server/core/runtime';
import { requireFeedbackScope } from '$lib/server/feedback/staff-scope';
import { dashboard } from '$lib/server/feedback/dashboard.service';
import { readFilter } from '$lib/server/feedback/dashboard-filter';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const { scope, readOnly } = await requireFeedbackScope(event, db, event.locals.locale, 'read');
	const filter = readFilter(event.url);
	if (filter.invalid) error(400, translate(event.locals.locale, filter.invalid));
	return {
		filter,
		readOnly,
		lines: scope.lines,
		dash: await dashboard(db, scope, filter, event.locals.locale)
	};
};
