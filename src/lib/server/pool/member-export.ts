/**
 * The coordinator's export of the members a search finds, audited with its count: a spreadsheet
 * file (core's `writeSpreadsheetCsv`) with column names and values in the reader's language —
 * municipality names, not codes — which the member import reads back.
 */
import type { PoolExecutor } from './pool.db';
import { recordAudit } from '../core/audit';
import { writeSpreadsheetCsv } from '../core/csv';
import { translate } from '../core/i18n/translate';
import type { Locale } from '$lib/i18n';
import { applyFilters } from './pool.queries';
import type { MemberFilters } from './pool.types';

const SELECTED = [
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

/** The file's columns: the import's own names first, so the file reads back as it is. */
export const EXPORT_COLUMNS = [
	'name',
	'email',
	'phone',
	'municipality',
	'birth_year',
	'gender',
	'mother_tongue',
	'locale',
	'status',
	'service_lines',
	'modes',
	'created_at'
] as const;

/** The message naming a column of the file (also the header names the import accepts). */
export const columnKey = (c: (typeof EXPORT_COLUMNS)[number]) => `pool.file.${c}`;

export async function exportMembersCsv(
	db: PoolExecutor,
	actorUserId: string,
	filters: MemberFilters,
	locale: Locale,
	now = new Date()
): Promise<string> {
	const rows = await applyFilters(db.selectFrom('pool_member'), filters, now.getFullYear())
		.select(SELECTED)
		.orderBy('created_at')
		.execute();
	const [municipalities, lines] = await Promise.all([
		db.selectFrom('municipality').select(['code', 'name_fi', 'name_sv']).execute(),
		db.selectFrom('service_line').select(['id', 'name_fi', 'name_sv', 'name_en']).execute()
	]);
	const mName = new Map(
		municipalities.map((m) => [m.code, locale === 'sv' ? m.name_sv || m.name_fi : m.name_fi])
	);
	const lName = new Map(
		lines.map((l) => [l.id, (locale === 'fi' ? l.name_fi : l[`name_${locale}`]) || l.name_fi])
	);
	const label = (prefix: string, v: string | null) =>
		v ? translate(locale, `${prefix}.${v}`) : '';
	await recordAudit(db, {
		actorUserId,
		action: 'pool.members_exported',
		entityType: 'pool_member',
		details: { count: rows.length }
	});
	return writeSpreadsheetCsv(
		[
			EXPORT_COLUMNS.map((c) => translate(locale, columnKey(c))),
			...rows.map((r) => [
				r.name,
				r.email,
				r.phone,
				r.municipality_code ? (mName.get(r.municipality_code) ?? r.municipality_code) : '',
				r.birth_year,
				label('pool.gender', r.gender),
				label('pool.language', r.mother_tongue),
				label('pool.file.localeName', r.locale),
				label('pool.status', r.status),
				r.service_line_ids.map((id) => lName.get(id) ?? String(id)).join(', '),
				r.modes.map((m) => label('pool.modes', m)).join(', '),
				new Date(r.created_at)
			])
		],
		locale
	);
}
