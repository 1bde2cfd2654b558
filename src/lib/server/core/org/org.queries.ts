/** Reads of the organisation: service lines, units (a tree under each line) and municipalities. */
import type { Executor } from '../db/database';

export function listServiceLines(db: Executor) {
	return db.selectFrom('service_line').selectAll().orderBy('sort_order').execute();
}

export function listUnits(db: Executor) {
	return db
		.selectFrom('unit')
		.selectAll()
		.where('active', '=', true)
		.orderBy('service_line_id')
		.orderBy('name_fi')
		.execute();
}

export function listMunicipalities(db: Executor) {
	return db.selectFrom('municipality').selectAll().orderBy('name_fi').execute();
}

export async function unitServiceLine(db: Executor, unitId: number): Promise<number | null> {
	const row = await db
		.selectFrom('unit')
		.select('service_line_id')
		.where('id', '=', unitId)
		.executeTakeFirst();
	return row?.service_line_id ?? null;
}
