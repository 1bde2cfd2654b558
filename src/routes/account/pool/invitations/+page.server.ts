import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import {
	answerOwnInvitation,
	invitationsOfMember,
	memberForUser,
	ownAnswerSchema
} from '$lib/server/pool';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const member = await memberForUser(db, user);
	return {
		invitations: member ? await invitationsOfMember(db, member.id) : [],
		isMember: !!member
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(ownAnswerSchema));
		if (!form.valid) return fail(400, { form, result: 'invalid' as const });
		const { db } = await runtime();
		const member = await memberForUser(db, user);
		const result = member
			? await answerOwnInvitation(db, member.id, form.data.id, form.data.answer)
			: 'invalid';
		const id = form.data.id;
		if (result === 'ok') return { form, result, id };
		return fail(result === 'invalid' ? 404 : 409, { form, result, id });
	}
};
