import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { searchMembers } from '$lib/server/pool/pool.queries';
import { filtersFromUrl, profileOptions } from '$lib/server/pool/form-data';
import { AGE_BANDS } from '$lib/server/pool/pool.types';

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
