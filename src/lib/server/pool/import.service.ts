/**
 * Member import from a CSV file (a typed-in paper sign-up sheet) and the population figures.
 * Every row is checked first; when any row is invalid nothing is written and every bad row is
 * listed with its line number and reasons.
 */
import { sql } from 'kysely';
import type { PoolDb, PoolExecutor } from './pool.db';
import { recordAudit } from '../core/audit';
import { importRowSchema, type ImportRow } from './pool.schemas';
import { codeOf, codesByLabel, columnNames, csvHeader, csvObjects, readCsv } from '../core/csv';
import { LOCALES } from '$lib/i18n';
import { CONSENT_VERSION, DIMENSIONS, GENDERS, LANGUAGES } from './pool.types';
import { normaliseEmail } from './member.service';
import { MAX_UPLOAD_BYTES } from '../core/http/upload-limit';

export const IMPORT_COLUMNS = [
	'name',
	'email',
	'phone',
	'municipality',
	'birth_year',
	'gender',
	'mother_tongue',
	'locale'
];
/**
 * The import reads the member export back: its readable column names in any language ("Kunta",
 * "Kommun"), municipality names as well as codes, and gender, language names for the codes.
 */
const HEADER_ALIASES: Record<string, string[]> = Object.fromEntries(
	IMPORT_COLUMNS.map((c) => [c, columnNames(`pool.file.${c}`)])
);

/** Readable values to the codes the row schema checks. */
function readableRow(
	values: Record<string, string>,
	municipalityCodes: ReadonlyMap<string, string>
): Record<string, string> {
	const v = { ...values };
	if (v.municipality !== undefined) v.municipality = codeOf(municipalityCodes, v.municipality);
	if (v.gender !== undefined) v.gender = codeOf(codesByLabel('pool.gender', GENDERS), v.gender);
	if (v.mother_tongue !== undefined)
		v.mother_tongue = codeOf(codesByLabel('pool.language', LANGUAGES), v.mother_tongue);
	if (v.locale !== undefined)
		v.locale = codeOf(codesByLabel('pool.file.localeName', LOCALES), v.locale);
	return v;
}

/** The shared upload limit: below the body limit, so an over-large file gets the form's message. */
export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;

export interface RowError {
	line: number;
	/** field → i18n key */
	errors: { field: string; key: string }[];
}

export interface ImportCheck {
	ok: boolean;
	rows: (ImportRow & { line: number })[];
	errors: RowError[];
	/** A problem with the file as a whole (i18n key). */
	fileError?: string;
}

/** What the import page shows of a check: the first bad rows and a preview of good ones. */
export function importSummary(check: ImportCheck) {
	return {
		fileError: check.fileError ?? null,
		total: check.rows.length + check.errors.length,
		errorCount: check.errors.length,
		errors: check.errors.slice(0, 200),
		preview: check.rows.slice(0, 10).map((r) => ({
			line: r.line,
			name: r.name,
			email: r.email,
			municipality: r.municipality,
			birth_year: r.birth_year
		}))
	};
}

/** Validates every row: schema, known municipality, duplicates in the file and in the pool. */
export async function checkMemberCsv(
	db: PoolExecutor,
	file: Uint8Array | string
): Promise<ImportCheck> {
	const table = readCsv(file);
	if (!table.ok) return { ok: false, rows: [], errors: [], fileError: table.key };
	const objects = csvObjects(table, HEADER_ALIASES);
	const header = csvHeader(table.header, HEADER_ALIASES);
	const missing = ['name', 'email', 'municipality', 'birth_year'].filter(
		(c) => !header.includes(c)
	);
	if (missing.length)
		return { ok: false, rows: [], errors: [], fileError: 'pool.import.missingColumns' };
	if (!table.rows.length)
		return { ok: false, rows: [], errors: [], fileError: 'pool.import.empty' };
	const municipalityRows = await db
		.selectFrom('municipality')
		.select(['code', 'name_fi', 'name_sv'])
		.execute();
	const municipalities = new Set(municipalityRows.map((m) => m.code));
	const municipalityCodes = new Map<string, string>();
	for (const m of municipalityRows) {
		municipalityCodes.set(m.code.toLowerCase(), m.code);
		municipalityCodes.set(m.name_fi.toLowerCase(), m.code);
		if (m.name_sv) municipalityCodes.set(m.name_sv.toLowerCase(), m.code);
	}
	const rows: (ImportRow & { line: number })[] = [];
	const errors: RowError[] = [];
	const seen = new Map<string, number>();
	for (const { line, values } of objects) {
		const parsed = importRowSchema.safeParse(readableRow(values, municipalityCodes));
		const errs: RowError['errors'] = [];
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				errs.push({ field: String(issue.path[0] ?? ''), key: issue.message });
		} else {
			if (!municipalities.has(parsed.data.municipality))
				errs.push({ field: 'municipality', key: 'pool.import.unknownMunicipality' });
			const email = normaliseEmail(parsed.data.email);
			if (seen.has(email)) errs.push({ field: 'email', key: 'pool.import.duplicateInFile' });
			seen.set(email, line);
		}
		if (errs.length) errors.push({ line, errors: errs });
		else if (parsed.success)
			rows.push({ ...parsed.data, email: normaliseEmail(parsed.data.email), line });
	}
	// One query per 5 000 addresses for the ones already in the pool.
	const emails = rows.map((r) => r.email);
	for (let i = 0; i < emails.length; i += 5000) {
		const found = await db
			.selectFrom('pool_member')
			.select(sql<string>`lower(email)`.as('e'))
			.where(sql<string>`lower(email)`, 'in', emails.slice(i, i + 5000))
			.execute();
		for (const f of found) {
			const line = seen.get(f.e)!;
			errors.push({ line, errors: [{ field: 'email', key: 'pool.import.alreadyMember' }] });
		}
	}
	errors.sort((a, b) => a.line - b.line);
	return { ok: errors.length === 0, rows, errors };
}

/** Writes the members of a checked file in one transaction (all or nothing). */
export async function importMembers(
	db: PoolDb,
	actorUserId: string,
	file: Uint8Array | string
): Promise<ImportCheck & { imported: number }> {
	return db.transaction().execute(async (trx) => {
		const check = await checkMemberCsv(trx, file);
		if (!check.ok) return { ...check, imported: 0 };
		const now = new Date();
		for (let i = 0; i < check.rows.length; i += 1000) {
			const chunk = check.rows.slice(i, i + 1000);
			const ids = await trx
				.insertInto('pool_member')
				.values(
					chunk.map((r) => ({
						name: r.name,
						email: r.email,
						phone: r.phone || null,
						municipality_code: r.municipality,
						birth_year: r.birth_year,
						gender: r.gender || null,
						mother_tongue: r.mother_tongue || null,
						locale: r.locale || (r.mother_tongue === 'sv' ? 'sv' : 'fi'),
						status: 'active' as const,
						source: 'import',
						// Consent was given on paper; the sheets are kept by the coordinator.
						consent_version: `${CONSENT_VERSION}-paper`,
						consent_at: now,
						confirmed_at: now
					}))
				)
				.returning('id')
				.execute();
			await trx
				.insertInto('pool_consent')
				.values(ids.map((m) => ({ member_id: m.id, consent_version: `${CONSENT_VERSION}-paper` })))
				.execute();
		}
		await recordAudit(trx, {
			actorUserId,
			action: 'pool.members_imported',
			entityType: 'pool_member',
			details: { count: check.rows.length }
		});
		return { ...check, imported: check.rows.length };
	});
}

/** Population CSV: dimension,value,population,source,year[,illustrative]. Replaces the dimensions it names. */
export async function importPopulation(
	db: PoolDb,
	actorUserId: string | null,
	file: Uint8Array | string
) {
	const table = readCsv(file);
	if (!table.ok) return { ok: false as const, errors: [{ line: 1, key: table.key }] };
	const need = ['dimension', 'value', 'population', 'source', 'year'];
	if (need.some((c) => !table.header.includes(c)))
		return { ok: false as const, errors: [{ line: 1, key: 'pool.import.missingColumns' }] };
	const errors: { line: number; key: string }[] = [];
	const rows = csvObjects(table).map(({ line, values: v }) => {
		const population = Number(v.population);
		const year = Number(v.year);
		if (!(DIMENSIONS as readonly string[]).includes(v.dimension))
			errors.push({ line, key: 'pool.population.badDimension' });
		else if (!v.value) errors.push({ line, key: 'validation.required' });
		else if (!Number.isInteger(population) || population < 0)
			errors.push({ line, key: 'pool.population.badNumber' });
		else if (!Number.isInteger(year) || year < 1900 || year > 2100)
			errors.push({ line, key: 'pool.population.badYear' });
		else if (!v.source) errors.push({ line, key: 'pool.population.noSource' });
		return {
			dimension: v.dimension,
			value: v.value,
			population,
			source: v.source,
			year,
			illustrative: ['1', 'true', 'yes', 'kyllä'].includes((v.illustrative ?? '').toLowerCase())
		};
	});
	if (errors.length || !rows.length)
		return {
			ok: false as const,
			errors: errors.length ? errors : [{ line: 1, key: 'pool.import.empty' }]
		};
	await db.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('pool_population')
			.where('dimension', 'in', [...new Set(rows.map((r) => r.dimension))])
			.execute();
		await trx
			.insertInto('pool_population')
			.values(rows)
			.onConflict((oc) =>
				oc
					.columns(['dimension', 'value'])
					.doUpdateSet((eb) => ({ population: eb.ref('excluded.population') }))
			)
			.execute();
		await recordAudit(trx, {
			actorUserId,
			action: 'pool.population_imported',
			entityType: 'pool_population',
			details: { rows: rows.length }
		});
	});
	return { ok: true as const, count: rows.length };
}
