import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { parseInt4Id } from '$lib/validation';
import {
	addPoint,
	confirmedCount,
	fieldProblems,
	getPanel,
	mySeat,
	pointSchema,
	pointsOf,
	sessionsOf,
	setSupport,
	supportSchema,
	supportsOf
} from '$lib/server/panels';

/** The panel and the user's confirmed seat on it; anyone else gets a 404. */
async function seatOr404(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const user = requireUser(event);
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const panel = await getPanel(db, id);
	const seat = panel ? await mySeat(db, user, id) : null;
	if (!panel || !seat) error(404, 'not found');
	return { user, panel, seat, db };
}

export const load: PageServerLoad = async (event) => {
	const { panel, seat, db } = await seatOr404(event);
	const mine = new Set(await supportsOf(db, seat.id));
	return {
		panel: { id: panel.id, question: panel.question, status: panel.status },
		members: await confirmedCount(db, panel.id),
		sessions: (await sessionsOf(db, panel.id)).map((s) => ({
			id: s.id,
			title: s.title,
			heldOn: s.held_on,
			agenda: s.agenda,
			materials: s.materials,
			experts: s.experts
		})),
		points: (await pointsOf(db, panel.id)).map((p) => ({
			id: p.id,
			body: p.body,
			supporters: Number(p.supporters),
			mine: mine.has(p.id)
		}))
	};
};

export const actions: Actions = {
	point: async (event) => {
		const { user, panel, seat, db } = await seatOr404(event);
		const form = await superValidate(event.request, zod4(pointSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const r = await addPoint(db, user, panel, form.data.body, seat.id);
		if (!r.ok) return fail(409, { problems: r.problems });
		return { done: { key: 'panels.done.point' } };
	},
	support: async (event) => {
		const { user, panel, seat, db } = await seatOr404(event);
		const form = await superValidate(event.request, zod4(supportSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const r = await setSupport(
			db,
			user,
			panel,
			seat.id,
			form.data.pointId,
			form.data.supports === 'yes'
		);
		if (!r.ok) return fail(409, { problems: r.problems });
		return { done: { key: 'panels.done.support' } };
	}
};
