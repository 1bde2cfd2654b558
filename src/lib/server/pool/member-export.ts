/** The coordinator's CSV export of the members a search finds, audited with its count. */
import type { PoolExecutor } from './pool.db';
import { recordAudit } from '../core/audit';
import { writeCsv } from '../core/csv';
import { applyFilters } from './pool.queries';
import type { MemberFilters } from './pool.types';

export const EXPORT_COLUMNS = [
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

/** The CSV text (with a BOM, for Excel) of every member the filters find, oldest first. */
export async function exportMembersCsv(
	db: PoolExecutor,
	actorUserId: string,
	filters: MemberFilters,
	now = new Date()
): Promise<string> {
	const rows = await applyFilters(db.selectFrom('pool_member'), filters, now.getFullYear())
		.select(EXPORT_COLUMNS)
		.orderBy('created_at')
		.execute();
	await recordAudit(db, {
		actorUserId,
		action: 'pool.members_exported',
		entityType: 'pool_member',
		details: { count: rows.length }
	});
	return writeCsv([EXPORT_COLUMNS, ...rows.map((r) => EXPORT_COLUMNS.map((c) => r[c]))], {
		bom: true
	});
}
