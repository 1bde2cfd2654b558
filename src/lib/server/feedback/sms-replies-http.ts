/**
 * `POST /api/feedback/sms/replies`: the gateway posts each incoming text here with
 * `Authorization: Bearer <FEEDBACK_SMS_TOKEN>` and `{messageId, reference, text, receivedAt?}`
 * (the interface is in sms-gateway.ts). 200 `{status}`; 404 for a reference the portal never
 * sent; 400 for a body that is not such an object.
 */
import type { Locale } from '$lib/i18n';
import { z } from '$lib/validation';
import type { FeedbackDb } from './feedback.db';
import { translate } from '$lib/server/core/i18n/translate';
import { secretsEqual } from '../core/auth/tokens';
import { feedbackConfig } from './feedback.config';
import { receiveSmsReply } from './sms-replies.service';
import type { SmsGateway } from './sms-gateway';

const replySchema = z.object({
	messageId: z.string().min(1).max(100),
	reference: z.string().min(1).max(100),
	text: z.string().max(2000),
	receivedAt: z.iso.datetime({ offset: true }).optional()
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

export async function handleSmsReply(
	db: FeedbackDb,
	request: Request,
	locale: Locale = 'fi',
	gateway?: SmsGateway | null
): Promise<Response> {
	const expected = feedbackConfig().smsToken;
	const header = request.headers.get('authorization') ?? '';
	if (!expected || !header.startsWith('Bearer ') || !secretsEqual(header.slice(7), expected))
		return json(
			401,
			{ error: 'unauthorized', message: translate(locale, 'core.errors.401') },
			{ 'www-authenticate': 'Bearer' }
		);
	let body: unknown;
	try {
		body = JSON.parse(await request.text());
	} catch {
		return json(400, { error: 'json', message: translate(locale, 'feedback.errors.json') });
	}
	const p = replySchema.safeParse(body);
	if (!p.success)
		return json(400, {
			error: 'invalid',
			message: translate(locale, 'feedback.visits.errors.reply'),
			fields: p.error.issues.map((i) => i.path.join('.'))
		});
	const now = new Date();
	const receivedAt = p.data.receivedAt ? new Date(p.data.receivedAt) : now;
	const status = await receiveSmsReply(
		db,
		{ ...p.data, receivedAt: receivedAt > now ? now : receivedAt },
		gateway
	);
	if (status === 'unknown')
		return json(404, {
			error: 'unknown',
			message: translate(locale, 'feedback.visits.errors.reference')
		});
	return json(200, { status });
}
