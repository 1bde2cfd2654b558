import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import {
	eraseSchema,
	profileSchema,
	eraseMember,
	memberForUser,
	setPaused,
	updateProfile,
	profileOptions,
	unknownReferences,
	cleanBackground
} from '$lib/server/pool';
import type { FormMessage } from '$lib/forms';

async function ownMember(event: RequestEvent) {
	const user = requireUser(event);
	const { db } = await runtime();
	return { db, member: await memberForUser(db, user) };
}

export const load: PageServerLoad = async (event) => {
	const { db, member } = await ownMember(event);
	if (!member)
		return {
			member: null,
			erased: event.url.searchParams.has('erased'),
			form: await superValidate(zod4(profileSchema), { errors: false }),
			municipalities: [],
			serviceLines: [],
			questions: []
		};
	const form = await superValidate(
		{
			name: member.name,
			email: member.email,
			phone: member.phone ?? '',
			municipality: member.municipality_code,
			birthYear: member.birth_year,
			gender: (member.gender ?? '') as '',
			motherTongue: (member.mother_tongue ?? '') as '',
			locale: member.locale as 'fi',
			serviceLines: member.service_line_ids,
			topics: member.topics ?? '',
			modes: member.modes as 'online'[],
			accessibility: member.accessibility_needs ?? ''
		},
		zod4(profileSchema),
		{ errors: false }
	);
	return {
		member: { status: member.status, email: member.email, background: member.background },
		// Straight from the confirmation page (signed in there, or by the password set there).
		joined: event.url.searchParams.has('joined'),
		form,
		...(await profileOptions(db))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const data = await event.request.formData();
		const form = await superValidate<typeof profileSchema._zod.output, FormMessage>(
			data,
			zod4(profileSchema)
		);
		const { db, member } = await ownMember(event);
		if (!member)
			return message(form, { type: 'error', key: 'pool.errors.notMember' }, { status: 404 });
		if (form.valid)
			for (const e of await unknownReferences(db, form.data)) setError(form, e.field, e.key);
		if (!form.valid) return fail(400, { form });
		const { questions } = await profileOptions(db);
		// The e-mail is not edited here: the member's address stays the one they confirmed.
		await updateProfile(db, member.id, {
			...form.data,
			birthYear: form.data.birthYear!,
			email: member.email,
			background: cleanBackground(questions, Object.fromEntries(data))
		});
		return message(form, { type: 'success', key: 'pool.account.saved' });
	},
	pause: async (event) => {
		const { db, member } = await ownMember(event);
		if (!member) return fail(404, { notMember: 'pool.errors.notMember' });
		await setPaused(db, member.id, true);
		return { note: 'pool.account.paused' };
	},
	resume: async (event) => {
		const { db, member } = await ownMember(event);
		if (!member) return fail(404, { notMember: 'pool.errors.notMember' });
		await setPaused(db, member.id, false);
		return { note: 'pool.account.resumed' };
	},
	erase: async (event) => {
		const erase = await superValidate(event.request, zod4(eraseSchema));
		const { db, member } = await ownMember(event);
		if (!member) return fail(404, { notMember: 'pool.errors.notMember' });
		if (!erase.valid)
			return fail(400, { eraseError: erase.errors.confirm?.[0] ?? 'validation.invalid' });
		await eraseMember(db, member.id, 'erased', event.locals.user!.id);
		redirect(303, '/account/pool?erased=1');
	}
};
