import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseInt4Id } from '$lib/validation';
import {
	categoryLabel,
	confirmedCount,
	getPanel,
	labelQuotaRows,
	poolQuestionNames,
	pointsOf,
	sessionsOf
} from '$lib/server/panels';
import { processPhase, sourceProgress } from '$lib/server/impact';

export const load: PageServerLoad = async (event) => {
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const p = await getPanel(db, id);
	// Public from its creation (an invitation links here); the draw's data from the commitment on.
	if (!p) error(404, 'not found');
	const published = p.published_at !== null;
	const members = await confirmedCount(db, p.id);
	const questions = await poolQuestionNames(db);
	const progress = await sourceProgress(db, 'panel', String(p.id));
	const stage = p.status === 'concluded' ? 2 : p.status === 'drawn' ? 1 : 0;
	return {
		panel: {
			id: p.id,
			question: p.question,
			description: p.description,
			size: p.size,
			status: p.status,
			categories: p.categories.map((c) => categoryLabel(event.locals.locale, c, questions)),
			householdRule: p.household_rule,
			commitment: p.commitment,
			committedAt: p.committed_at?.toISOString() ?? null,
			seedRule: p.seed_rule,
			seed: p.seed,
			drawn: p.draw_state === 'done',
			engine: p.engine,
			distributionHash: p.distribution_hash,
			quotaTable: p.quota_table && labelQuotaRows(event.locals.locale, p.quota_table, questions),
			drawnAt: p.drawn_at?.toISOString() ?? null,
			publishedAt: p.published_at?.toISOString() ?? null
		},
		phase: processPhase(stage, progress),
		impactHref: progress ? `/sanoitte-teimme/${progress.activityId}` : null,
		members,
		sessions: (await sessionsOf(db, p.id)).map((s) => ({
			id: s.id,
			title: s.title,
			heldOn: s.held_on,
			experts: s.experts,
			present: Number(s.present)
		})),
		points: published
			? (await pointsOf(db, p.id)).map((pt) => ({
					id: pt.id,
					body: pt.body,
					supporters: Number(pt.supporters)
				}))
			: []
	};
};
