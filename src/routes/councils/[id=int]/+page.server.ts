import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import { listServiceLines } from '$lib/server/core/org';
import { publicBodyPage } from '$lib/server/councils';
import { findingsOfSource } from '$lib/server/impact';

export const load: PageServerLoad = async (event) => {
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const page = await publicBodyPage(db, id);
	if (!page) error(404, 'not found');
	// What came of each statement: its finding in the impact tracker, by the statement's id.
	const ids = page.meetings.flatMap((m) => m.statements.map((s) => String(s.id)));
	const findings = new Map(
		(await findingsOfSource(db, 'council_statement', ids)).map((f) => [f.source_id, f])
	);
	const lines = await listServiceLines(db);
	return {
		body: {
			...page.body,
			lines: lines
				.filter((l) => page.body.service_line_ids.includes(l.id))
				.map((l) => localName(l, event.locals.locale))
		},
		memberCount: page.memberCount,
		meetings: page.meetings.map((m) => ({
			...m,
			statements: m.statements.map((s) => {
				const f = findings.get(String(s.id));
				return { ...s, status: f?.status ?? null, activityId: f?.activity_id ?? null };
			})
		}))
	};
};
