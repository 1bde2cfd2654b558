/** Helpers shared by the pool's pages: the options a profile form shows, and filters from a URL. */
import type { PoolExecutor } from './pool.db';
import { listMunicipalities, listServiceLines } from '../core/org';
import { listQuestions } from './pool.queries';
import type { MemberFilters } from './pool.types';

export async function profileOptions(db: PoolExecutor) {
	const [municipalities, serviceLines, questions] = await Promise.all([
		listMunicipalities(db),
		listServiceLines(db),
		listQuestions(db)
	]);
	return { municipalities, serviceLines, questions };
}

/**
 * Codes and ids of a profile form that must exist (the database would refuse them with a
 * foreign-key error): each unknown one as a field error for the form.
 */
export async function unknownReferences(
	db: PoolExecutor,
	p: { municipality: string; serviceLines: number[] }
): Promise<{ field: 'municipality' | 'serviceLines._errors'; key: string }[]> {
	const { municipalities, serviceLines } = await profileOptions(db);
	const out: { field: 'municipality' | 'serviceLines._errors'; key: string }[] = [];
	if (!municipalities.some((m) => m.code === p.municipality))
		out.push({ field: 'municipality', key: 'pool.import.unknownMunicipality' });
	if (p.serviceLines.some((id) => !serviceLines.some((l) => l.id === id)))
		out.push({ field: 'serviceLines._errors', key: 'validation.invalid' });
	return out;
}

/** Filters from query parameters (repeated keys for lists; `bg_<id>` for background answers). */
export function filtersFromUrl(params: URLSearchParams): MemberFilters {
	const list = (k: string) => params.getAll(k).filter(Boolean);
	const background: Record<string, string[]> = {};
	for (const [k] of params) {
		const m = /^bg_(\d+)$/.exec(k);
		if (m) background[m[1]] = list(k);
	}
	return {
		q: params.get('q')?.slice(0, 200) || undefined,
		municipality: list('municipality'),
		ageBand: list('ageBand'),
		gender: list('gender'),
		language: list('language'),
		serviceLine: list('serviceLine')
			.map(Number)
			.filter((n) => Number.isInteger(n)),
		mode: list('mode'),
		status: list('status'),
		background
	};
}
