import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { exportMembersCsv, filtersFromUrl } from '$lib/server/pool';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	const body = await exportMembersCsv(db, user.id, filtersFromUrl(event.url.searchParams));
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="asukaspooli.csv"',
			'Cache-Control': 'no-store'
		}
	});
};
