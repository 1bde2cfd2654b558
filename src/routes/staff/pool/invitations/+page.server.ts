import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { listInvitations } from '$lib/server/pool';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	return { invitations: await listInvitations(db) };
};
