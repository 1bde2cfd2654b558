import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { createConversation, readCreateForm, validateCreate } from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'conversation_moderator');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const values = readCreateForm(await event.request.formData());
		const v = validateCreate(values);
		if (!v.ok) return fail(400, { values, errors: v.errors });
		const { db } = await runtime();
		const id = await createConversation(db, user.id, v.data);
		redirect(303, `/staff/conversations/${id}?created=1`);
	}
};
