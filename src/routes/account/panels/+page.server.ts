import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { answerAsMember, answerSchema, fieldProblems, myVolunteers } from '$lib/server/panels';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	return {
		rows: (await myVolunteers(db, user)).map((v) => ({
			id: v.id,
			panelId: v.panel_id,
			question: v.question,
			size: v.size,
			status: v.status,
			state: v.state,
			drawn: v.draw_state === 'done',
			probability: v.probability,
			stayInPool: v.stay_in_pool
		}))
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(answerSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		// Only the user's own row: anyone else's id is simply not found.
		const mine = (await myVolunteers(db, user)).find((v) => v.id === form.data.volunteerId);
		if (!mine) return fail(404, { problems: [{ key: 'panels.errors.unknownMember' }] });
		const r = await answerAsMember(db, user, mine, form.data.answer, form.data.stayInPool);
		if (!r.ok) return fail(409, { problems: r.problems });
		return { done: { key: `panels.done.own.${form.data.answer}` } };
	}
};
