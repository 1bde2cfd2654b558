import type { Kysely } from 'kysely';
import type { DB } from '../../../src/lib/server/db';

/** Two units under the outpatient line and one under hospital services. */
export async function addUnits(db: Kysely<DB>): Promise<Record<string, number>> {
	const lines = await db.selectFrom('service_line').select(['id', 'code']).execute();
	const line = (code: string) => lines.find((l) => l.code === code)!.id;
	const rows = await db
		.insertInto('unit')
		.values([
			{
				service_line_id: line('outpatient'),
				parent_id: null,
				code: 'fx-a',
				name_fi: 'Yksikkö A',
				name_sv: 'Enhet A',
				name_en: 'Unit A',
				municipality_code: null
			},
			{
				service_line_id: line('outpatient'),
				parent_id: null,
				code: 'fx-b',
				name_fi: 'Yksikkö B',
				name_sv: 'Enhet B',
				name_en: 'Unit B',
				municipality_code: null
			},
			{
				service_line_id: line('hospital'),
				parent_id: null,
				code: 'fx-c',
				name_fi: 'Yksikkö C',
				name_sv: 'Enhet C',
				name_en: 'Unit C',
				municipality_code: null
			}
		])
		.returning(['id', 'code'])
		.execute();
	const id = (c: string) => rows.find((r) => r.code === c)!.id;
	return {
		a: id('fx-a'),
		b: id('fx-b'),
		c: id('fx-c'),
		outpatient: line('outpatient'),
		hospital: line('hospital')
	};
}
