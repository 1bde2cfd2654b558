import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseInt4Id } from '$lib/validation';
import { getPanel, publishedData } from '$lib/server/panels';

/** The data behind the commitment, byte for byte: its SHA-256 is the published commitment. */
export const GET: RequestHandler = async ({ params }) => {
	const id = parseInt4Id(params.id);
	if (id === null) error(404, 'not found');
	const { db } = await runtime();
	const p = await getPanel(db, id);
	const text = p ? await publishedData(db, p) : null;
	if (text === null) error(404, 'not found');
	return new Response(text, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `inline; filename="panel-${id}-commitment.json"`
		}
	});
};
