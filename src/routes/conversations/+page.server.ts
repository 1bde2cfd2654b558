import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { contentLanguage, listConversations } from '$lib/server/conversations';

export const load: PageServerLoad = async () => {
	const { db } = await runtime();
	const rows = await listConversations(db);
	return {
		conversations: rows.map((c) => ({
			id: c.id,
			topic: c.topic,
			contentLang: contentLanguage(c.languages),
			description: c.description,
			status: c.status,
			participants: Number(c.participants ?? 0)
		}))
	};
};
