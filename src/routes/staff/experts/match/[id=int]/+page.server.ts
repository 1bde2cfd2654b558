import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import { helsinkiDay } from '$lib/server/core/time';
import {
	askedFor,
	candidatesFor,
	getRequest,
	matchRequestOf,
	proposeExpert,
	proposeSchema,
	rankExperts,
	requestAssignments
} from '$lib/server/experts';

function idOr404(raw: string) {
	const id = parseInt4Id(raw);
	if (id === null) error(404, 'not found');
	return id;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'expert_coordinator');
	const { db } = await runtime();
	const r = await getRequest(db, idOr404(event.params.id));
	if (!r) error(404, 'not found');
	const year = Number(helsinkiDay(r.starts_at).slice(0, 4));
	const asked = await askedFor(db, r.id);
	const ranked = rankExperts(
		matchRequestOf(r),
		(await candidatesFor(db, r.id, year)).filter((c) => !asked.has(c.profileId))
	);
	return {
		request: {
			id: r.id,
			project: r.project,
			purpose: r.purpose,
			area: r.area,
			format: r.format,
			language: r.language,
			unit: localName(r, event.locals.locale),
			startsAt: r.starts_at.toISOString(),
			endsAt: r.ends_at.toISOString(),
			needed: r.experts_needed,
			budget: r.budget,
			status: r.status
		},
		ranked,
		assignments: (await requestAssignments(db, r.id)).map((a) => ({
			id: a.id,
			status: a.status,
			name: a.display_name,
			hours: a.hours,
			fee: a.fee
		}))
	};
};

export const actions: Actions = {
	propose: async (event) => {
		const user = requireRole(event, 'expert_coordinator');
		const requestId = idOr404(event.params.id);
		const form = await superValidate(event.request, zod4(proposeSchema));
		if (!form.valid) return fail(400, { error: 'validation.invalid' });
		const { db, config } = await runtime();
		const r = await proposeExpert(db, user, requestId, form.data.profileId, config.origin);
		if (!r.ok)
			return fail(r.error === 'not_found' ? 404 : r.error === 'forbidden' ? 403 : 409, {
				error: `experts.errors.${r.error}`
			});
		return { proposed: true };
	}
};
