import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { memberForUser, answerRecipient, invitationsOfMember, ANSWERS } from '$lib/server/pool';

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
		const data = await event.request.formData();
		const answer = String(data.get('answer') ?? '');
		const id = Number(data.get('id'));
		if (!(ANSWERS as readonly string[]).includes(answer) || !Number.isInteger(id))
			return fail(400, { result: 'invalid' });
		const { db } = await runtime();
		const member = await memberForUser(db, user);
		// Ownership: the recipient row must be this member's.
		const own =
			member &&
			(await db
				.selectFrom('pool_recipient')
				.select('id')
				.where('id', '=', id)
				.where('member_id', '=', member.id)
				.executeTakeFirst());
		if (!own) return fail(404, { result: 'invalid' });
		const result = await answerRecipient(db, id, answer as (typeof ANSWERS)[number]);
		return result === 'ok' ? { result, id } : fail(409, { result, id });
	}
};
