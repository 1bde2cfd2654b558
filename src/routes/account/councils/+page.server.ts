import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { memberPage, saveDraft, statementSchema, statusOf } from '$lib/server/councils';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	return await memberPage(db, user);
};

export const actions: Actions = {
	// One small form per meeting (and per own draft): the result names the meeting it answers.
	draft: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(statementSchema));
		const meetingId = Number(form.data.meetingId) || null;
		if (!form.valid)
			return fail(400, {
				meetingId,
				error: form.errors.body ? 'councils.errors.statement' : 'councils.errors.invalid',
				body: form.data.body
			});
		const { db } = await runtime();
		const r = await saveDraft(db, user, {
			meetingId: form.data.meetingId,
			statementId: form.data.statementId === '' ? null : Number(form.data.statementId),
			body: form.data.body
		});
		if (!r.ok)
			return fail(statusOf(r.error), {
				meetingId,
				error: `councils.errors.${r.error}`,
				body: form.data.body
			});
		return { meetingId, done: 'councils.statements.saved' };
	}
};
