import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { representation, countByServiceLine, filtersFromUrl } from '$lib/server/pool';
import { listMunicipalities, listServiceLines } from '$lib/server/core/org';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	const f = filtersFromUrl(event.url.searchParams);
	const filters = { ...f, status: f.status?.length ? f.status : ['active'] };
	const [tables, lines, municipalities, serviceLines] = await Promise.all([
		representation(db, filters),
		countByServiceLine(db, filters),
		listMunicipalities(db),
		listServiceLines(db)
	]);
	return { tables, lines: [...lines.entries()], municipalities, serviceLines };
};
