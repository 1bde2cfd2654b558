import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { localName } from '$lib/i18n';
import { coordinatorRequests, listProfiles } from '$lib/server/experts';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'expert_coordinator');
	const { db } = await runtime();
	const profiles = await listProfiles(db);
	return {
		waitingApproval: profiles.filter((p) => p.status === 'pending' || p.pending_areas !== null)
			.length,
		requests: (await coordinatorRequests(db)).map((r) => ({
			id: r.id,
			project: r.project,
			unit: localName(r, event.locals.locale),
			requester: r.requester,
			startsAt: r.starts_at.toISOString(),
			status: r.status,
			needed: r.experts_needed,
			accepted: r.accepted ?? 0,
			proposed: r.proposed ?? 0
		}))
	};
};
