import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { answerByToken, answerSchema, replyLimiter, replyView } from '$lib/server/pool';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await runtime();
	const view = await replyView(db, params.token, locals.locale);
	if (!view) error(404, 'pool.reply.invalid');
	return view;
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		if (!(await replyLimiter.take(locals.clientIp ?? '')).allowed)
			return fail(429, { result: 'tooMany' as const });
		const form = await superValidate(request, zod4(answerSchema));
		if (!form.valid) return fail(400, { form, result: 'invalid' as const });
		const { db } = await runtime();
		const result = await answerByToken(db, params.token, form.data.answer, form.data.needs);
		if (result === 'ok') return { form, result };
		return fail(result === 'invalid' ? 404 : 409, { form, result });
	}
};
