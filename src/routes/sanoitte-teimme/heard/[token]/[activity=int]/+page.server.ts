/**
 * The "felt heard" question from a notice mail (1–5): no account needed, the link's token says
 * who is answering. A form with radio buttons and a submit button, so it works without
 * JavaScript; a link that is not someone who fed the activity is a 404.
 */
import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { answerHeard, heardQuestion, heardSchema } from '$lib/server/impact';

export const load: PageServerLoad = async ({ params }) => {
	const { db } = await runtime();
	const q = await heardQuestion(db, params.token, Number(params.activity));
	if (!q) error(404, 'not found');
	return {
		topic: q.topic,
		activityId: Number(params.activity),
		form: await superValidate(q.score === null ? {} : { score: q.score }, zod4(heardSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await superValidate(request, zod4(heardSchema));
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		if (!(await answerHeard(db, params.token, Number(params.activity), form.data.score)))
			error(404, 'not found');
		return message(form, { type: 'success', key: 'impact.heard.thanks' });
	}
};
