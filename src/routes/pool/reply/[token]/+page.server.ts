import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { answerByToken, recipientByToken, replyLimiter, ANSWERS } from '$lib/server/pool';
import { isLocale } from '$lib/i18n';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await runtime();
	const r = await recipientByToken(db, params.token);
	if (!r || !r.member_id) error(404, 'pool.reply.invalid');
	const l = isLocale(locals.locale) ? locals.locale : 'fi';
	const message = (l === 'sv' ? r.message_sv : l === 'en' ? r.message_en : '') || r.message_fi;
	return {
		title: r.title,
		message,
		deadline: r.reply_deadline,
		answer: r.answer,
		open: r.status === 'open' && new Date(r.reply_deadline).getTime() > Date.now()
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		if (!(await replyLimiter.take(locals.clientIp ?? '')).allowed)
			return fail(429, { result: 'tooMany' });
		const answer = String((await request.formData()).get('answer') ?? '');
		if (!(ANSWERS as readonly string[]).includes(answer)) return fail(400, { result: 'invalid' });
		const { db } = await runtime();
		const result = await answerByToken(db, params.token, answer as (typeof ANSWERS)[number]);
		return result === 'ok' ? { result } : fail(result === 'invalid' ? 404 : 409, { result });
	}
};
