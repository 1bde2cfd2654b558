/**
 * Fee and hour totals of closed assignments for the coordinator's export: one row per year and
 * expert, per year and unit, and per year (`total_by` says which), through core's CSV writer.
 * Figures are numbers with a decimal point (a spreadsheet adds them up); euros to the cent.
 */
import { writeCsv } from '../core/csv';
import type { ExpertsExecutor } from './experts.db';
import { totals, type TotalRow } from './experts.queries';

export const TOTALS_COLUMNS = [
	'total_by',
	'year',
	'unit',
	'expert',
	'assignments',
	'hours',
	'fee_eur',
	'travel_eur'
] as const;

const cents = (v: number) => Math.round(v * 100) / 100;

interface Sum {
	assignments: number;
	hours: number;
	fee: number;
	travel: number;
}

function add(
	map: Map<string, Sum & { key: (string | number)[] }>,
	key: (string | number)[],
	r: TotalRow
) {
	const k = JSON.stringify(key);
	const s = map.get(k) ?? { key, assignments: 0, hours: 0, fee: 0, travel: 0 };
	s.assignments += r.assignments;
	s.hours += r.hours;
	s.fee += r.fee;
	s.travel += r.travel;
	map.set(k, s);
}

/** The rows of the export, without the header: expert rows, unit rows, year rows. */
export function totalsRows(rows: readonly TotalRow[]): (string | number)[][] {
	const byExpert = new Map<string, Sum & { key: (string | number)[] }>();
	const byUnit = new Map<string, Sum & { key: (string | number)[] }>();
	const byYear = new Map<string, Sum & { key: (string | number)[] }>();
	for (const r of rows) {
		add(byExpert, ['expert', r.year, '', r.expert], r);
		add(byUnit, ['unit', r.year, r.unit, ''], r);
		add(byYear, ['year', r.year, '', ''], r);
	}
	return [byExpert, byUnit, byYear].flatMap((m) =>
		[...m.values()].map((s) => [
			...s.key,
			s.assignments,
			cents(s.hours),
			cents(s.fee),
			cents(s.travel)
		])
	);
}

export async function totalsCsv(db: ExpertsExecutor): Promise<string> {
	return writeCsv([[...TOTALS_COLUMNS], ...totalsRows(await totals(db))], { bom: true });
}
