import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { listMunicipalities, listServiceLines } from '$lib/server/core/org';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	findingYears,
	localTitle,
	publicFindings,
	readPublicFilter,
	timeline,
	explanation,
	unitName
} from '$lib/server/impact';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const locale = event.locals.locale;
	const filter = readPublicFilter(event.url);
	const rows = await publicFindings(db, filter);
	// The latest public explanation of each finding.
	const latest = new Map<number, ReturnType<typeof explanation>>();
	for (const r of await timeline(
		db,
		rows.map((f) => f.id)
	)) {
		const e = explanation(r, locale);
		if (e.text) latest.set(r.finding_id, e);
	}
	const municipalities = await listMunicipalities(db);
	return {
		filter,
		lines: (await listServiceLines(db)).map((l) => ({ id: l.id, name: localName(l, locale) })),
		municipalities: municipalities.map((m) => ({
			code: m.code,
			name: locale === 'sv' ? m.name_sv : m.name_fi
		})),
		years: await findingYears(db),
		findings: rows.map((f) => ({
			id: f.id,
			body: f.body,
			status: f.status,
			changed: helsinkiDay(f.status_changed_at),
			activityId: f.activity_id,
			topic: f.topic,
			unit: unitName(f, locale),
			decision: localTitle({ fi: f.decision_fi, sv: f.decision_sv, en: f.decision_en }, locale),
			explanation: latest.get(f.id) ?? null
		}))
	};
};
