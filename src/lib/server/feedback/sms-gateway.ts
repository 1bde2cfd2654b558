/**
 * The SMS gateway adapter. The portal speaks one small HTTP interface; an operator's gateway
 * (or a thin proxy in front of it) implements it. Settings: FEEDBACK_SMS_GATEWAY_URL and
 * FEEDBACK_SMS_GATEWAY_TOKEN.
 *
 *   POST {url}/messages
 *   Authorization: Bearer {token}
 *   Content-Type: application/json
 *   { "reference": "<conversation id>", "to": "+358401234567" | undefined, "text": "…" }
 *
 * - `reference` is the portal's idempotency key and conversation id: a message posted twice
 *   with the same reference and text is delivered once (the portal retries after a timeout).
 * - `to` is present on the first message of a conversation only. Later messages (the next
 *   question, the retry prompt, the thanks) carry the reference alone: the gateway remembers
 *   the number, the portal does not keep it.
 * - 200/201 `{ "id": "<gateway message id>" }`: accepted. 4xx: refused for good (the visit is
 *   not retried). 5xx, a timeout or no connection: down, the message stays queued.
 *
 * Replies go the other way: the gateway posts each incoming text to
 * `POST /api/feedback/sms/replies` with `Authorization: Bearer {FEEDBACK_SMS_TOKEN}` and
 * `{ "messageId": "<its id>", "reference": "<conversation id>", "text": "8" }`.
 */
import { smsConfig } from './sms.config';

export interface OutgoingSms {
	reference: string;
	to?: string;
	text: string;
}

export type SendOutcome =
	{ ok: true; gatewayId: string } | { ok: false; permanent: boolean; status: number | null };

export interface SmsGateway {
	send(message: OutgoingSms): Promise<SendOutcome>;
}

const TIMEOUT_MS = 10_000;

/** The HTTP gateway at the configured URL; null when no URL is set (sending is off). */
export function httpGateway(
	url = smsConfig().gatewayUrl,
	token = smsConfig().gatewayToken
): SmsGateway | null {
	if (!url) return null;
	return {
		async send(message) {
			let res: Response | undefined;
			// A dropped keep-alive connection is retried once at once: the reference makes it safe.
			for (let attempt = 0; attempt < 2 && !res; attempt++) {
				try {
					res = await fetch(`${url}/messages`, {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							...(token ? { authorization: `Bearer ${token}` } : {})
						},
						body: JSON.stringify(message),
						signal: AbortSignal.timeout(TIMEOUT_MS)
					});
				} catch {
					res = undefined;
				}
			}
			if (!res) return { ok: false, permanent: false, status: null };
			if (res.ok) {
				const body = (await res.json().catch(() => ({}))) as { id?: unknown };
				return { ok: true, gatewayId: typeof body.id === 'string' ? body.id : '' };
			}
			await res.body?.cancel();
			const permanent = res.status >= 400 && res.status < 500 && ![408, 429].includes(res.status);
			return { ok: false, permanent, status: res.status };
		}
	};
}
