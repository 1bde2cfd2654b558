/** Anonymous JSON intake (kiosk and other clients): validated, rate limited, idempotent. */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { handleJsonIntake, allowIntake } from '$lib/server/feedback';

export const POST: RequestHandler = async ({ request, locals }) => {
	const { db } = await runtime();
	return handleJsonIntake(db, request, {
		clientIp: locals.clientIp,
		locale: locals.locale,
		allow: async (ip, cost) => (await allowIntake(ip, cost)).allowed
	});
};
