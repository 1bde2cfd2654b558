import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { localName } from '$lib/i18n';
import { ownRequests } from '$lib/server/experts';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	return {
		requests: (await ownRequests(db, user.id)).map((r) => ({
			id: r.id,
			project: r.project,
			unit: localName(r, event.locals.locale),
			startsAt: r.starts_at.toISOString(),
			status: r.status,
			needed: r.experts_needed,
			accepted: r.accepted ?? 0
		}))
	};
};
