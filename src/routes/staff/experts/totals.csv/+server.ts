import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { totalsCsv } from '$lib/server/experts';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'expert_coordinator');
	const { db } = await runtime();
	return new Response(await totalsCsv(db), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="kokemusasiantuntijat-palkkiot.csv"',
			'Cache-Control': 'no-store'
		}
	});
};
