import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	editMilestone,
	getMilestone,
	isCoordinator,
	milestoneEditSchema,
	removeMilestone
} from '$lib/server/impact';

/** The `int` matcher lets only a PostgreSQL integer reach here. */
const milestoneId = (raw: string) => Number(raw);

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!isCoordinator(user)) error(403, 'forbidden');
	const { db } = await runtime();
	const m = await getMilestone(db, milestoneId(event.params.id));
	if (!m) error(404, 'not found');
	return {
		milestoneId: m.id,
		decision: localName(
			{ name_fi: m.decision_fi, name_sv: m.decision_sv, name_en: m.decision_en },
			event.locals.locale
		),
		today: helsinkiDay(new Date()),
		form: await superValidate(
			{
				milestoneFi: m.title_fi,
				milestoneSv: m.title_sv,
				milestoneEn: m.title_en,
				reachedOn: m.reached_on
			},
			zod4(milestoneEditSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(milestoneEditSchema));
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await editMilestone(db, user, milestoneId(event.params.id), form.data);
		if (!r.ok) {
			if (r.error === 'forbidden')
				return message(form, { type: 'error', key: 'impact.errors.forbidden' }, { status: 403 });
			if (r.error === 'unknown_milestone') error(404, 'not found');
			return setError(form, 'reachedOn', `impact.errors.${r.error}`);
		}
		return message(form, { type: 'success', key: 'impact.decisions.milestoneSaved' });
	},
	remove: async (event) => {
		const user = requireUser(event);
		const { db } = await runtime();
		const r = await removeMilestone(db, user, milestoneId(event.params.id));
		if (!r.ok) {
			if (r.error === 'forbidden') error(403, 'forbidden');
			error(404, 'not found');
		}
		redirect(303, '/staff/impact/decisions?removed=1');
	}
};
