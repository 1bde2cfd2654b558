import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import { closeAssignment, closeSchema, getAssignment, hourlyRate } from '$lib/server/experts';

function idOr404(raw: string) {
	const id = parseInt4Id(raw);
	if (id === null) error(404, 'not found');
	return id;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'expert_coordinator');
	const { db } = await runtime();
	const a = await getAssignment(db, idOr404(event.params.id));
	if (!a) error(404, 'not found');
	return {
		assignment: {
			id: a.id,
			status: a.status,
			requestId: a.request_id,
			project: a.project,
			purpose: a.purpose,
			unit: localName(a, event.locals.locale),
			startsAt: a.starts_at.toISOString(),
			endsAt: a.ends_at.toISOString(),
			expert: a.display_name,
			kind: a.kind,
			hours: a.hours,
			fee: a.fee,
			travel: a.travel,
			finding: a.finding,
			staffFeedback: a.staff_feedback,
			expertFeedback: a.expert_feedback
		},
		rate: await hourlyRate(db, helsinkiDay(a.starts_at)),
		form: await superValidate(
			{ hours: (a.ends_at.getTime() - a.starts_at.getTime()) / 3_600_000, travel: 0 },
			zod4(closeSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	close: async (event) => {
		const user = requireRole(event, 'expert_coordinator');
		const id = idOr404(event.params.id);
		const form = await superValidate(event.request, zod4(closeSchema));
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		const r = await closeAssignment(db, user, id, form.data);
		if (!r.ok)
			return message(
				form,
				{ type: 'error', key: `experts.errors.${r.error}` },
				{ status: r.error === 'not_found' ? 404 : r.error === 'forbidden' ? 403 : 409 }
			);
		return message(form, { type: 'success', key: 'experts.assignment.closed' });
	}
};
