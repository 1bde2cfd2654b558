import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { publicPanels } from '$lib/server/panels';

export const load: PageServerLoad = async () => {
	const { db } = await runtime();
	return {
		panels: (await publicPanels(db)).map((p) => ({
			id: p.id,
			question: p.question,
			size: p.size,
			status: p.status,
			drawnAt: p.drawn_at?.toISOString() ?? null,
			publishedAt: p.published_at?.toISOString() ?? null
		}))
	};
};
