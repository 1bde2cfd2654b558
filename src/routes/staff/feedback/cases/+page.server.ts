import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireFeedbackScope, listCases } from '$lib/server/feedback';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const { scope } = await requireFeedbackScope(event, db, event.locals.locale);
	const onlyOpen = event.url.searchParams.get('status') !== 'all';
	const cases = await listCases(db, scope.unitIds, onlyOpen ? 'open' : undefined);
	return {
		onlyOpen,
		cases: cases.map((c) => ({
			id: c.id,
			kind: c.kind,
			status: c.status,
			late: c.late,
			// Finnish calendar days: a case sent at 01:30 in Finland belongs to that day.
			due: c.due_at ? helsinkiDay(new Date(c.due_at)) : null,
			created: helsinkiDay(new Date(c.created_at)),
			unit: localName(c, event.locals.locale),
			excerpt: c.body.length > 120 ? `${c.body.slice(0, 117)}…` : c.body
		}))
	};
};
