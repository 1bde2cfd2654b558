import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { listProfiles } from '$lib/server/experts';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'expert_coordinator');
	const { db } = await runtime();
	return {
		profiles: (await listProfiles(db)).map((p) => ({
			id: p.id,
			name: p.display_name,
			kind: p.kind,
			status: p.status,
			areasPending: p.pending_areas !== null,
			paused: p.paused,
			areas: p.areas,
			languages: p.languages
		}))
	};
};
