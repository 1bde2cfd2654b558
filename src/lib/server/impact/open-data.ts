/**
 * The open-data exports of the tracker: every public row as CSV (one file per table) or as one
 * JSON document, under CC BY 4.0 (the county's open-data licence of choice: reuse with
 * attribution, the same licence as the Polis data the portal ships with). The schema below is
 * what /sanoitte-teimme/data documents; it never has a person in it (owners are unit codes,
 * contacts are not exported) and counts under five are the string "< 5".
 */
import { writeCsv } from '../core/csv';
import type { ImpactExecutor } from './impact.db';
import { maskSmall, openData } from './impact.queries';

export const LICENCE = {
	name: 'CC BY 4.0',
	url: 'https://creativecommons.org/licenses/by/4.0/',
	attribution: 'Pirkanmaan hyvinvointialue, Osallistu'
};

/** Columns of each table, in order: the documented schema (name → the i18n key of its meaning). */
export const OPEN_DATA_SCHEMA = {
	activities: [
		'id',
		'source_type',
		'topic',
		'service_lines',
		'municipality_code',
		'starts_on',
		'ends_on',
		'invited',
		'took_part'
	],
	findings: [
		'id',
		'activity_id',
		'kind',
		'body',
		'status',
		'owner_unit',
		'decision_id',
		'recorded_on'
	],
	responses: [
		'id',
		'finding_id',
		'status',
		'effective_on',
		'explanation_fi',
		'explanation_sv',
		'explanation_en'
	],
	decisions: ['id', 'parent_id', 'title_fi', 'title_sv', 'title_en', 'progress'],
	milestones: ['id', 'decision_id', 'reached_on', 'title_fi', 'title_sv', 'title_en']
} as const;
export type OpenDataTable = keyof typeof OPEN_DATA_SCHEMA;

export function isOpenDataTable(s: string): s is OpenDataTable {
	return Object.hasOwn(OPEN_DATA_SCHEMA, s);
}

export async function openDataTables(db: ImpactExecutor) {
	const d = await openData(db);
	return {
		activities: d.activities.map((a) => ({
			...a,
			service_lines: a.service_lines ?? '',
			invited: maskSmall(a.invited),
			took_part: maskSmall(a.took_part)
		})),
		findings: d.findings,
		responses: d.responses,
		decisions: d.decisions,
		milestones: d.milestones
	};
}

export async function openDataCsv(db: ImpactExecutor, table: OpenDataTable): Promise<string> {
	const rows = (await openDataTables(db))[table] as Record<string, unknown>[];
	const cols = OPEN_DATA_SCHEMA[table];
	return writeCsv([cols, ...rows.map((r) => cols.map((c) => r[c]))], { bom: true });
}

export async function openDataJson(db: ImpactExecutor, origin: string) {
	return {
		licence: LICENCE,
		source: `${origin}/sanoitte-teimme`,
		schema: `${origin}/sanoitte-teimme/data`,
		generated: new Date().toISOString(),
		...(await openDataTables(db))
	};
}
