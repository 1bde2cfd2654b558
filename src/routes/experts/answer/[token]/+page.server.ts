/**
 * The answer link of a proposal mail. The link opens a page whose buttons accept or decline (a
 * POST), so a mail scanner that follows links changes nothing. The token is the key; it works
 * once (an answered proposal's page shows the answer).
 */
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { localName } from '$lib/i18n';
import { answerByToken, proposalForToken } from '$lib/server/experts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await runtime();
	const p = await proposalForToken(db, params.token);
	if (!p) error(404, 'not found');
	return {
		proposal: {
			project: p.project,
			purpose: p.purpose,
			format: p.format,
			startsAt: p.starts_at.toISOString(),
			endsAt: p.ends_at.toISOString(),
			unit: localName(p, locals.locale),
			status: p.status
		}
	};
};

async function answer(token: string, a: 'accept' | 'decline') {
	const { db, config } = await runtime();
	const r = await answerByToken(db, token, a, config.origin);
	if (!r.ok)
		return fail(r.error === 'not_found' ? 404 : 409, { error: `experts.errors.${r.error}` });
	return { answered: r.answer };
}

export const actions: Actions = {
	accept: ({ params }) => answer(params.token, 'accept'),
	decline: ({ params }) => answer(params.token, 'decline')
};
