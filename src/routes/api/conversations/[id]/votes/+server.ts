/**
 * Vote intake (JSON). Body: `{ tid, vote: 1 | -1 | 0, clientId }` or `{ votes: [...] }` (up to 100,
 * all stored or none), optionally `xid`. Answers only after the commit: 200 means stored.
 * A repeated clientId is acknowledged again without a second row.
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/core/runtime';
import { translate } from '$lib/i18n';
import { identityOf, voteAs, voteBatchSchema, voteLimiter } from '$lib/server/conversations';
import type { ParticipantIdentity } from '$lib/server/conversations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const XID = /^[A-Za-z0-9_.:-]{1,100}$/;
const MAX_BODY = 64 * 1024;
const STATUS = {
	unknown_conversation: 404,
	closed: 409,
	unknown_statement: 409,
	sign_in: 401,
	bad_request: 400
} as const;

export const POST: RequestHandler = async (event) => {
	const locale = event.locals.locale;
	const refuse = (status: number, key: string) =>
		json(
			{
				ok: false,
				error: key.replace('conversations.errors.', ''),
				message: translate(locale, key)
			},
			{ status }
		);

	if (!UUID.test(event.params.id)) return refuse(404, 'conversations.errors.unknown_conversation');
	if (!(event.request.headers.get('content-type') ?? '').startsWith('application/json')) {
		return refuse(415, 'conversations.errors.badRequest');
	}
	const raw = await event.request.text();
	if (raw.length > MAX_BODY) return refuse(413, 'conversations.errors.badRequest');
	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch {
		return refuse(400, 'conversations.errors.badRequest');
	}
	const parsed = voteBatchSchema.safeParse(body);
	if (!parsed.success) {
		const key = parsed.error.issues[0]?.message ?? '';
		return refuse(400, key.startsWith('conversations.') ? key : 'conversations.errors.badVote');
	}
	if (!voteLimiter.take(`ip:${event.locals.clientIp}`, parsed.data.length)) {
		return refuse(429, 'conversations.errors.rateLimited');
	}

	const xid = (body as { xid?: unknown }).xid;
	let identity: ParticipantIdentity;
	if (event.locals.user) identity = { kind: 'user', userId: event.locals.user.id };
	else if (typeof xid === 'string' && XID.test(xid)) identity = { kind: 'xid', xid };
	else identity = identityOf(event, event.params.id, true)!;

	const { db } = await runtime();
	const r = await voteAs(db, event.params.id, identity, parsed.data);
	if (!r.ok) return refuse(STATUS[r.error], `conversations.errors.${r.error}`);
	return json({ ok: true, stored: r.stored, duplicates: r.duplicates });
};
