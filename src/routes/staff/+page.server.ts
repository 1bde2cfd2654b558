import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { STAFF_ROLES } from '$lib/server/core/auth/roles';
import { describeRoles } from '$lib/server/core/auth/role-labels';
import { linksFor } from '$lib/server/modules';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, [...STAFF_ROLES]);
	const { db } = await runtime();
	return {
		roles: await describeRoles(
			db,
			user.roles.filter((r) => r.role !== 'resident')
		),
		links: linksFor('staff', user)
	};
};
