/** The SMS gateway posts survey answers here, authenticated by a bearer token. */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { handleSmsIntake } from '$lib/server/feedback';

export const POST: RequestHandler = async ({ request, locals }) => {
	const { db } = await runtime();
	// Gateways send no language cookie: Finnish, unless a person's browser says otherwise.
	return handleSmsIntake(db, request, locals.locale);
};
