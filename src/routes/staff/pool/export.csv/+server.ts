import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { spreadsheetHeaders } from '$lib/server/core/csv';
import { exportMembersCsv, filtersFromUrl } from '$lib/server/pool';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	const body = await exportMembersCsv(
		db,
		user.id,
		filtersFromUrl(event.url.searchParams),
		event.locals.locale
	);
	return new Response(body, { headers: spreadsheetHeaders('asukaspooli.csv') });
};
