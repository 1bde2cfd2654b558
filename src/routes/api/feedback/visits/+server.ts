/** Patient and client systems report visits here (JSON or a CSV drop), each with its own token. */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { handleVisitIntake } from '$lib/server/feedback';

export const POST: RequestHandler = async ({ request, locals }) => {
	const { db } = await runtime();
	return handleVisitIntake(db, request, locals.locale);
};
