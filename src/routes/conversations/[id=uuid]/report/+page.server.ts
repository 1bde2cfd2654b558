import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { conversationOr404, loadReport, parseResultOrder } from '$lib/server/conversations';

/** The public report: figures, map and findings, no participant data. */
export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	return {
		conversation: { id: c.id, topic: c.topic, description: c.description, status: c.status },
		report: await loadReport(db, c, null, parseResultOrder(event.url.searchParams))
	};
};
