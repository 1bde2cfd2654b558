import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { listBodies } from '$lib/server/councils';

export const load: PageServerLoad = async () => {
	const { db } = await runtime();
	const bodies = await listBodies(db);
	return {
		bodies: bodies.map((b) => ({
			id: b.id,
			kind: b.kind,
			name: b.name,
			purpose: b.purpose,
			members: Number(b.members ?? 0)
		}))
	};
};
