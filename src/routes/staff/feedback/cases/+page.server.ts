import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import {
	requireFeedbackScope,
	listCases,
	caseFilterSchema,
	caseNumber,
	caseAssignees
} from '$lib/server/feedback';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import { translate } from '$lib/server/core/i18n/translate';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const locale = event.locals.locale;
	const { user, scope } = await requireFeedbackScope(event, db, locale);
	const parsed = caseFilterSchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success)
		error(400, translate(locale, parsed.error.issues[0]?.message ?? 'validation.invalid'));
	const filter = parsed.data;
	if (filter.unit && !scope.unitIds.includes(filter.unit))
		error(400, translate(locale, 'feedback.errors.unit'));
	const cases = await listCases(db, scope.unitIds, filter, user.id);
	return {
		filter: { ...filter, unit: filter.unit ?? '', kind: filter.kind ?? '' },
		units: scope.lines.flatMap((l) => l.units.map((u) => ({ id: u.id, name: u.name }))),
		assignees: await caseAssignees(db, scope.unitIds),
		cases: cases.map((c) => ({
			id: c.id,
			number: caseNumber(c.case_no),
			kind: c.kind,
			status: c.status,
			late: c.late,
			// Finnish calendar days: a case sent at 01:30 in Finland belongs to that day.
			due: c.due_at ? helsinkiDay(new Date(c.due_at)) : null,
			created: helsinkiDay(new Date(c.created_at)),
			unit: localName(c, locale),
			assignee: c.assignee_name,
			excerpt: c.body.length > 120 ? `${c.body.slice(0, 117)}…` : c.body
		}))
	};
};
