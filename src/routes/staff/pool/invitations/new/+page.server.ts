import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import {
	invitationDraft,
	invitationSchema,
	queryMembers,
	sendInvitationForm,
	filtersFromUrl
} from '$lib/server/pool';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const { db, config } = await runtime();
	const draft = invitationDraft(event.url.searchParams, config.origin);
	const form = await superValidate(zod4(invitationSchema), { errors: false });
	Object.assign(form.data, draft.values, { filterQuery: draft.filterQuery });
	const count = draft.memberIds.length
		? draft.memberIds.length
		: (
				await queryMembers(
					db,
					{ ...filtersFromUrl(new URLSearchParams(draft.filterQuery)), status: ['active'] },
					{ limit: 1 }
				)
			).total;
	return { form, filterQuery: draft.filterQuery, count, byList: draft.memberIds.length > 0 };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'pool_coordinator');
		const form = await superValidate<typeof invitationSchema._zod.output, FormMessage>(
			event.request,
			zod4(invitationSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { db, config } = await runtime();
		const r = await sendInvitationForm(db, user.id, config.origin, form.data);
		if (!r.ok && r.field) return setError(form, r.field, r.key);
		if (!r.ok) return message(form, { type: 'error', key: r.key }, { status: 400 });
		redirect(303, `/staff/pool/invitations/${r.id}?sent=${r.recipients}`);
	}
};
