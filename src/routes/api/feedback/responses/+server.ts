/** Anonymous JSON intake (kiosk and other clients): validated, rate limited, idempotent. */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { handleJsonIntake } from '$lib/server/feedback/intake-http';
import { allowIntake } from '$lib/server/feedback/limits';

export const POST: RequestHandler = async ({ request, locals }) => {
	const { db } = await runtime();
	return handleJsonIntake(db, request, {
		clientIp: locals.clientIp,
		locale: locals.locale,
		allow: async (ip, cost) => (await allowIntake(ip, cost)).allowed
	});
};
