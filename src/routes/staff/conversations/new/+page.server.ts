import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	createConversationFromForm,
	createConversationFormSchema
} from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'conversation_moderator');
	// A new conversation is in Finnish and open to statements and anonymous voting unless unticked.
	const form = await superValidate(
		{ languages: ['fi'], allowStatements: true, allowAnonymous: true },
		zod4(createConversationFormSchema),
		{ errors: false }
	);
	return { form };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'conversation_moderator');
		const form = await superValidate(event.request, zod4(createConversationFormSchema));
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const id = await createConversationFromForm(db, user.id, form.data);
		redirect(303, `/staff/conversations/${id}?created=1`);
	}
};
