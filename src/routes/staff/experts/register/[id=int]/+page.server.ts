import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { parseInt4Id } from '$lib/validation';
import { localName } from '$lib/i18n';
import { approveProfile, getProfile } from '$lib/server/experts';
import { listMunicipalities } from '$lib/server/core/org';

function idOr404(raw: string) {
	const id = parseInt4Id(raw);
	if (id === null) error(404, 'not found');
	return id;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'expert_coordinator');
	const { db } = await runtime();
	const p = await getProfile(db, idOr404(event.params.id));
	if (!p) error(404, 'not found');
	const names = new Map(
		(await listMunicipalities(db)).map((m) => [
			m.code,
			event.locals.locale === 'sv' ? m.name_sv : m.name_fi
		])
	);
	return {
		profile: {
			id: p.id,
			name: p.display_name,
			email: p.email,
			phone: p.phone,
			kind: p.kind,
			status: p.status,
			areas: p.areas,
			pendingAreas: p.pending_areas,
			services: p.services,
			languages: p.languages,
			municipalities: p.municipalities.map((c) => names.get(c) ?? c),
			ways: p.ways,
			meeting: p.meeting,
			paused: p.paused,
			availableFrom: p.available_from,
			availableUntil: p.available_until
		},
		trainings: p.trainings,
		assignments: p.assignments.map((a) => ({
			id: a.id,
			status: a.status,
			project: a.project,
			unit: localName(a, event.locals.locale),
			startsAt: a.starts_at.toISOString()
		}))
	};
};

export const actions: Actions = {
	// A button naming no more than the page's own profile: no input to validate.
	approve: async (event) => {
		const user = requireRole(event, 'expert_coordinator');
		const id = idOr404(event.params.id);
		const { db } = await runtime();
		const r = await approveProfile(db, user, id);
		if (!r.ok)
			return fail(r.error === 'not_found' ? 404 : r.error === 'forbidden' ? 403 : 409, {
				error: `experts.errors.${r.error}`
			});
		return { approved: true };
	}
};
