import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	activityHeard,
	explanation,
	localTitle,
	maskSmall,
	publicActivity,
	publicEvidence,
	unitName
} from '$lib/server/impact';

export const load: PageServerLoad = async (event) => {
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const p = await publicActivity(db, id);
	if (!p) error(404, 'not found');
	const locale = event.locals.locale;
	const a = p.activity;
	return {
		activity: {
			id: a.id,
			topic: a.topic,
			description: a.description,
			sourceType: a.source_type,
			organiser: a.organiser,
			organiserUnit: unitName(a, locale),
			startsOn: a.starts_on,
			endsOn: a.ends_on,
			municipality: a.municipality_fi
				? locale === 'sv'
					? a.municipality_sv
					: a.municipality_fi
				: null,
			invited: maskSmall(a.invited),
			tookPart: maskSmall(a.took_part),
			byGroup: Object.entries(a.by_group ?? {}).map(([group, n]) => ({
				group,
				n: maskSmall(Number(n))
			})),
			// Conversations have their own public report with the votes behind each statement.
			report: a.source_type === 'conversation' ? `/conversations/${a.source_id}/report` : null
		},
		heard: await activityHeard(db, id),
		serviceLines: p.serviceLines.map((l) => localName(l, locale)),
		findings: p.findings.map((f) => ({
			id: f.id,
			body: f.body,
			kind: f.kind,
			status: f.status,
			recordedOn: f.recorded_on,
			unit: unitName(f, locale),
			decision: localTitle({ fi: f.decision_fi, sv: f.decision_sv, en: f.decision_en }, locale),
			evidence: publicEvidence(f.evidence),
			// Status changes and the decision's milestones, by date (a milestone after a same-day status).
			timeline: [
				...p.timeline
					.filter((r) => r.finding_id === f.id)
					.map((r) => ({
						key: `r${r.id}`,
						status: r.status as string | null,
						on: r.effective_on,
						explanation: explanation(r, locale)
					})),
				...p.milestones
					.filter((m) => m.decision_id === f.decision_id)
					.map((m) => ({
						key: `m${m.id}`,
						status: null,
						on: m.reached_on,
						explanation: localTitle({ fi: m.title_fi, sv: m.title_sv, en: m.title_en }, locale)!
					}))
			].sort(
				(x, y) => x.on.localeCompare(y.on) || Number(x.status === null) - Number(y.status === null)
			)
		})),
		changedAt: p.timeline.length ? helsinkiDay(p.timeline[p.timeline.length - 1].created_at) : null
	};
};
