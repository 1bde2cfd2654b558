/**
 * Who is missing: active members by municipality, age band, gender and language, set against the
 * county's population shares imported by an admin (with source and year).
 */
import type { PoolExecutor } from './pool.db';
import { countByAll, listPopulation } from './pool.queries';
import { DIMENSIONS, type Dimension, type MemberFilters } from './pool.types';

export interface RepresentationRow {
	value: string;
	members: number;
	memberShare: number;
	population: number | null;
	populationShare: number | null;
	/** memberShare − populationShare in percentage points (negative = under-represented). */
	gap: number | null;
}

export interface RepresentationTable {
	dimension: Dimension;
	rows: RepresentationRow[];
	sources: { source: string; year: number; illustrative: boolean }[];
}

export async function representation(
	db: PoolExecutor,
	filters: MemberFilters = { status: ['active'] },
	year = new Date().getFullYear()
): Promise<RepresentationTable[]> {
	const population = await listPopulation(db);
	const byDimension = await countByAll(db, filters, year);
	const out: RepresentationTable[] = [];
	for (const dimension of DIMENSIONS) {
		const counts = byDimension[dimension];
		const pop = population.filter((p) => p.dimension === dimension);
		const popTotal = pop.reduce((s, p) => s + p.population, 0);
		const memTotal = [...counts.values()].reduce((s, n) => s + n, 0);
		const values = new Set([...pop.map((p) => p.value), ...counts.keys()]);
		const rows = [...values].map((value) => {
			const members = counts.get(value) ?? 0;
			const p = pop.find((x) => x.value === value);
			const memberShare = memTotal ? (100 * members) / memTotal : 0;
			const populationShare = p && popTotal ? (100 * p.population) / popTotal : null;
			return {
				value,
				members,
				memberShare,
				population: p?.population ?? null,
				populationShare,
				gap: populationShare === null ? null : memberShare - populationShare
			};
		});
		rows.sort((a, b) => (a.gap ?? 0) - (b.gap ?? 0) || a.value.localeCompare(b.value));
		const sources = [
			...new Map(
				pop.map((p) => [
					`${p.source}|${p.year}`,
					{ source: p.source, year: p.year, illustrative: p.illustrative }
				])
			).values()
		];
		out.push({ dimension, rows, sources });
	}
	return out;
}
