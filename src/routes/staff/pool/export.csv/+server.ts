import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { recordAudit } from '$lib/server/core/audit';
import { applyFilters, filtersFromUrl } from '$lib/server/pool';
import { writeCsv } from '$lib/server/core/csv';

const COLUMNS = [
	'name',
	'email',
	'phone',
	'municipality_code',
	'birth_year',
	'gender',
	'mother_tongue',
	'locale',
	'status',
	'service_line_ids',
	'modes',
	'created_at'
] as const;

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'pool_coordinator');
	const { db } = await runtime();
	const filters = filtersFromUrl(event.url.searchParams);
	const rows = await applyFilters(db.selectFrom('pool_member'), filters, new Date().getFullYear())
		.select(COLUMNS)
		.orderBy('created_at')
		.execute();
	await recordAudit(db, {
		actorUserId: user.id,
		action: 'pool.members_exported',
		entityType: 'pool_member',
		details: { count: rows.length }
	});
	const body = writeCsv([COLUMNS, ...rows.map((r) => COLUMNS.map((c) => r[c]))], { bom: true });
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="asukaspooli.csv"',
			'Cache-Control': 'no-store'
		}
	});
};
