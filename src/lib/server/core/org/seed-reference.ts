/** Inserts the county's municipalities and service lines if they are missing (idempotent). */
import type { Executor } from '../db/database';
import { MUNICIPALITIES, SERVICE_LINES } from './pirkanmaa';

export async function seedReferenceData(db: Executor): Promise<void> {
	await db
		.insertInto('municipality')
		.values(MUNICIPALITIES.map((m) => ({ code: m.code, name_fi: m.fi, name_sv: m.sv })))
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
	await db
		.insertInto('service_line')
		.values(
			SERVICE_LINES.map((s, i) => ({
				code: s.code,
				name_fi: s.fi,
				name_sv: s.sv,
				name_en: s.en,
				sort_order: i + 1
			}))
		)
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
}
