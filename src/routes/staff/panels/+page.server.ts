import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { listQuestions } from '$lib/server/pool';
import {
	POOL_CATEGORIES,
	createPanel,
	fieldProblems,
	listPanels,
	panelSchema
} from '$lib/server/panels';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	const questions = await listQuestions(db);
	const locale = event.locals.locale;
	return {
		panels: (await listPanels(db)).map((p) => ({ ...p, volunteers: Number(p.volunteers) })),
		categories: [
			...POOL_CATEGORIES.map((c) => ({ value: c, label: null as string | null })),
			...questions.map((q) => ({
				value: `q${q.id}`,
				label: locale === 'sv' ? q.label_sv : locale === 'en' ? q.label_en : q.label_fi
			}))
		]
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const form = await superValidate(event.request, zod4(panelSchema));
		if (!form.valid) return fail(400, { problems: fieldProblems(form.errors) });
		const { db } = await runtime();
		const id = await createPanel(db, user, form.data);
		redirect(303, `/staff/panels/${id}`);
	}
};
