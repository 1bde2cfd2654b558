import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { linesWithUnits } from '$lib/server/feedback/org-view';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await runtime();
	return { lines: (await linesWithUnits(db, locals.locale)).filter((l) => l.units.length) };
};
