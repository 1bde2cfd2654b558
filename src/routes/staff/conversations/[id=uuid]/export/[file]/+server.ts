import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { conversationOr404, exportPolis, type PolisFiles } from '$lib/server/conversations';

const FILES = ['comments.csv', 'votes.csv', 'participants-votes.csv', 'summary.csv'] as const;

/** One file of the Polis open-data export; pseudonymous (participant numbers only). */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'conversation_moderator');
	const file = event.params.file as keyof PolisFiles;
	if (!(FILES as readonly string[]).includes(file)) error(404, 'not found');
	const { db } = await runtime();
	const c = await conversationOr404(db, event.params.id);
	const out = await exportPolis(db, c.id);
	if (!out) error(404, 'not found');
	return new Response(out[file], {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file}"`
		}
	});
};
