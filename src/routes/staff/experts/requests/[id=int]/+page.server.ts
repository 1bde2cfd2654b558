import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import {
	canSeeRequest,
	feedbackSchema,
	getRequest,
	giveFeedback,
	staffRequestView
} from '$lib/server/experts';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const id = parseInt4Id(event.params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const r = await getRequest(db, id);
	// Another person's request is not found: its existence is not theirs to know.
	if (!r || !canSeeRequest(user, r)) error(404, 'not found');
	const view = await staffRequestView(db, r.id);
	return {
		sent: event.url.searchParams.has('sent'),
		request: {
			id: r.id,
			project: r.project,
			purpose: r.purpose,
			area: r.area,
			format: r.format,
			language: r.language,
			unit: localName(r, event.locals.locale),
			startsAt: r.starts_at.toISOString(),
			endsAt: r.ends_at.toISOString(),
			needed: r.experts_needed,
			budget: r.budget,
			status: r.status
		},
		waiting: view.waiting,
		experts: view.experts
	};
};

export const actions: Actions = {
	feedback: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(feedbackSchema));
		const feedbackFor = Number(form.data.id) || null;
		if (!form.valid)
			return fail(400, { feedbackFor, error: form.errors.feedback?.[0] ?? 'validation.invalid' });
		const { db } = await runtime();
		const r = await giveFeedback(db, user, 'staff', form.data);
		if (!r.ok)
			return fail(r.error === 'not_found' ? 404 : 409, {
				feedbackFor,
				error: `experts.errors.${r.error}`
			});
		return { feedbackFor, saved: true };
	}
};
