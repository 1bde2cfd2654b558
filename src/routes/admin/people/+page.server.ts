import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { listPeople } from '$lib/server/core/auth/people.service';
import { ROLES, isRole } from '$lib/server/core/auth/roles';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const search = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	const roleParam = event.url.searchParams.get('role');
	const role = isRole(roleParam) ? roleParam : undefined;
	return { people: await listPeople(db, { search, role }), search, role: role ?? '', roles: ROLES };
};
