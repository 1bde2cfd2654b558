import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { searchMembers, filtersFromUrl, profileOptions, AGE_BANDS } from '$lib/server/pool';

const PAGE = 50;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	const filters = filtersFromUrl(event.url.searchParams);
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	const [result, options] = await Promise.all([
		searchMembers(db, filters, { limit: PAGE, offset: (page - 1) * PAGE }),
		profileOptions(db)
	]);
	return {
		...result,
		...options,
		filters,
		page,
		pages: Math.ceil(result.total / PAGE),
		ageBands: AGE_BANDS.map((b) => b[0]),
		year: new Date().getFullYear()
	};
};
