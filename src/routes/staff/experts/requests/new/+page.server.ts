import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { listUnits } from '$lib/server/core/org';
import { addDays, helsinkiDay } from '$lib/server/core/time';
import { localName } from '$lib/i18n';
import { createRequest, hourlyRate, requestSchema } from '$lib/server/experts';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const ownUnit = user.roles.find((r) => r.unitId !== null)?.unitId ?? undefined;
	return {
		units: (await listUnits(db)).map((u) => ({
			id: u.id,
			name: localName(u, event.locals.locale)
		})),
		today: helsinkiDay(new Date()),
		rate: await hourlyRate(db, helsinkiDay(new Date())),
		form: await superValidate(
			{
				unitId: ownUnit,
				date: addDays(helsinkiDay(new Date()), 28),
				startTime: '13:00',
				durationHours: 2,
				expertsNeeded: 1,
				language: event.locals.locale
			},
			zod4(requestSchema()),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(requestSchema()));
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await createRequest(db, user, form.data);
		if (!r.ok) return setError(form, 'unitId', 'experts.errors.unit');
		redirect(303, `/staff/experts/requests/${r.id}?sent=1`);
	}
};
