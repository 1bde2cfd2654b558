import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import { exportMember, memberForUser, listQuestions } from '$lib/server/pool';
import { listMunicipalities, listServiceLines } from '$lib/server/core/org';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	const member = await memberForUser(db, user);
	if (!member) error(404, 'pool.errors.notMember');
	const [data, municipalities, serviceLines, questions] = await Promise.all([
		exportMember(db, member.id),
		listMunicipalities(db),
		listServiceLines(db),
		listQuestions(db, false)
	]);
	return { data: data!, municipalities, serviceLines, questions };
};
