/** The SMS gateway posts each text reply to a survey here (bearer token FEEDBACK_SMS_TOKEN). */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { handleSmsReply } from '$lib/server/feedback';

export const POST: RequestHandler = async ({ request, locals }) => {
	const { db } = await runtime();
	return handleSmsReply(db, request, locals.locale);
};
