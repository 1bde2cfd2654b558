import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { filterUnits, linesWithUnits } from '$lib/server/feedback';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await runtime();
	const q = (url.searchParams.get('q') ?? '').slice(0, 100).trim();
	const lines = (await linesWithUnits(db, locals.locale)).filter((l) => l.units.length);
	const found = filterUnits(lines, q, locals.locale);
	return { q, lines: found, count: found.reduce((n, l) => n + l.units.length, 0) };
};
