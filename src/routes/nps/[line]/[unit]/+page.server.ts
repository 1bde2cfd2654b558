import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { unitPage } from '$lib/server/feedback';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, config } = await runtime();
	return {
		...(await unitPage(db, params.line, params.unit, locals.locale)),
		demo: config.demoData
	};
};
