/**
 * The request side of voting and writing statements, framework-thin so the routes stay one line
 * and integration tests drive exactly the code a browser or client reaches: the JSON vote
 * endpoint, and the no-JavaScript vote and statement forms of the conversation page.
 */
import { fail, json, type Cookies } from '@sveltejs/kit';
import type { Db } from '../core/db/database';
import { translate } from '$lib/server/core/i18n/translate';
import type { ParticipantIdentity } from './conversations.types';
import { statementSchema, voteBatchSchema, voteSchema, VOTE_WORDS } from './conversations.schemas';
import { submitStatement, voteAs, type VoteAsError } from './conversations.service';
import { accessSettings } from './access';
import { identityOf } from './identity';
import { statementLimiter, voteLimiter } from './rate-limit';
import { getConversation } from './conversations.queries';

export interface ConversationEvent {
	request: Request;
	params: { id: string };
	locals: App.Locals;
	cookies: Cookies;
	url: URL;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY = 64 * 1024;
const STATUS: Record<VoteAsError, number> = {
	unknown_conversation: 404,
	closed: 409,
	unknown_statement: 409,
	sign_in: 401,
	xid_invalid: 403,
	xid_disabled: 403,
	bad_request: 400
};

/**
 * Vote intake (JSON). Body: `{ tid, vote: 1 | -1 | 0, clientId }` or `{ votes: [...] }` (up to
 * 100, all stored or none), optionally `xid` with its signature `xsig` from the signed link.
 * Every field is range-checked before anything is queued, so a bad value is this request's 400
 * and never fails the group commit of other people's votes. 200 means stored.
 */
export async function handleVoteApi(db: Db, event: ConversationEvent): Promise<Response> {
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
	const settings = await accessSettings(db, event.params.id);
	if (!settings) return refuse(404, 'conversations.errors.unknown_conversation');

	const { xid, xsig } = body as { xid?: unknown; xsig?: unknown };
	let identity: ParticipantIdentity;
	if (event.locals.user) identity = { kind: 'user', userId: event.locals.user.id };
	else if (xid !== undefined) {
		if (typeof xid !== 'string' || (xsig !== undefined && typeof xsig !== 'string')) {
			return refuse(400, 'conversations.errors.xid_invalid');
		}
		identity = { kind: 'xid', xid, sig: (xsig as string | undefined) ?? '' };
	} else identity = identityOf(event, settings, true)!;

	const r = await voteAs(db, event.params.id, identity, parsed.data);
	if (!r.ok) return refuse(STATUS[r.error], `conversations.errors.${r.error}`);
	return json({ ok: true, stored: r.stored, duplicates: r.duplicates });
}

async function openConversation(db: Db, event: ConversationEvent) {
	if (!UUID.test(event.params.id)) return null;
	return (await getConversation(db, event.params.id)) ?? null;
}

/** The page's vote form: one vote, same checks as the JSON endpoint. */
export async function voteFormAction(db: Db, event: ConversationEvent) {
	const c = await openConversation(db, event);
	if (!c) return fail(404, { voteError: 'conversations.errors.unknown_conversation' });
	if (!voteLimiter.take(`ip:${event.locals.clientIp}`)) {
		return fail(429, { voteError: 'conversations.errors.rateLimited' });
	}
	const form = await event.request.formData();
	const word = String(form.get('vote') ?? '');
	if (!(word in VOTE_WORDS)) return fail(400, { voteError: 'conversations.errors.badVote' });
	const tidText = String(form.get('tid') ?? '');
	const parsed = voteSchema.safeParse({
		// Digits only: Number('') and Number('1e3') would pass as integers.
		tid: /^\d{1,10}$/.test(tidText) ? Number(tidText) : NaN,
		vote: VOTE_WORDS[word as keyof typeof VOTE_WORDS],
		clientId: String(form.get('clientId') ?? '')
	});
	if (!parsed.success) return fail(400, { voteError: parsed.error.issues[0].message });
	const identity = identityOf(event, c, true)!;
	const r = await voteAs(db, c.id, identity, [parsed.data]);
	if (!r.ok) return fail(STATUS[r.error], { voteError: `conversations.errors.${r.error}` });
	return { voted: true };
}

/** The page's statement form. */
export async function statementFormAction(db: Db, event: ConversationEvent) {
	const c = await openConversation(db, event);
	if (!c)
		return fail(404, { body: '', statementError: 'conversations.errors.unknown_conversation' });
	const form = await event.request.formData();
	const body = String(form.get('body') ?? '');
	if (!statementLimiter.take(`ip:${event.locals.clientIp}`)) {
		return fail(429, { body, statementError: 'conversations.errors.rateLimited' });
	}
	const parsed = statementSchema.safeParse({
		body,
		clientId: String(form.get('clientId') ?? '') || undefined
	});
	if (!parsed.success) {
		return fail(400, { body, statementError: parsed.error.issues[0].message });
	}
	const identity = identityOf(event, c, true)!;
	const r = await submitStatement(db, c.id, identity, parsed.data.body, parsed.data.clientId);
	if (!r.ok) {
		const status = r.error === 'sign_in' ? 401 : r.error.startsWith('xid_') ? 403 : 409;
		return fail(status, { body, statementError: `conversations.errors.${r.error}` });
	}
	return { statementSent: c.moderation };
}
