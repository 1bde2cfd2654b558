import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { exportMember, memberForUser } from '$lib/server/pool';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const member = await memberForUser(db, user);
	if (!member) error(404, 'pool.errors.notMember');
	return json(await exportMember(db, member.id), {
		headers: {
			'Content-Disposition': 'attachment; filename="asukaspooli-omat-tiedot.json"',
			'Cache-Control': 'no-store'
		}
	});
};
