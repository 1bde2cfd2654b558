import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { listAudit } from '$lib/server/core/audit';

const PAGE = 100;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const page = Math.max(0, Math.min(10_000, Number(event.url.searchParams.get('page')) || 0));
	const action = event.url.searchParams.get('action')?.slice(0, 100) || undefined;
	const entries = await listAudit(db, { action, limit: PAGE + 1, offset: page * PAGE });
	return {
		entries: entries.slice(0, PAGE),
		page,
		hasMore: entries.length > PAGE,
		action: action ?? ''
	};
};
