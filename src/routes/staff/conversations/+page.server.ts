import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { listConversations } from '$lib/server/conversations';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'conversation_moderator');
	const { db } = await runtime();
	const rows = await listConversations(db);
	return {
		conversations: rows.map((c) => ({
			id: c.id,
			topic: c.topic,
			status: c.status,
			participants: Number(c.participants ?? 0)
		}))
	};
};
