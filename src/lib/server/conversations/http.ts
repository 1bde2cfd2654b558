/**
 * The module's HTTP adapter (the one conversations file that speaks SvelteKit: `fail`, `json`,
 * cookies): the request side of voting and writing statements, so the routes stay one line and
 * integration tests drive exactly the code a browser or client reaches: the JSON vote endpoint,
 * and the vote and statement forms of the conversation page (read with superforms, checked by
 * the same zod schemas as the JSON endpoint). The services it calls return results, not HTTP.
 */
import { fail, json, type Cookies } from '@sveltejs/kit';
import type { ConversationsDb } from './conversations.db';
import { isUuid } from '$lib/ids';
import { translate } from '$lib/server/core/i18n/translate';
import type { ParticipantIdentity } from './conversations.types';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import {
	followFormSchema,
	statementFormSchema,
	statementSchema,
	voteBatchSchema,
	voteFormSchema,
	voteSchema,
	VOTE_WORDS
} from './conversations.schemas';
import { submitStatement, voteAs, type VoteAsError } from './conversations.service';
import { accessSettings } from './access';
import { identityOf } from './identity';
import { followLimiter, statementLimiter, voteLimiter } from './rate-limit';
import { askToFollow } from './follow';
import { getConversation } from './conversations.queries';

export interface ConversationEvent {
	request: Request;
	params: { id: string };
	locals: App.Locals;
	cookies: Cookies;
	url: URL;
}

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
export async function handleVoteApi(
	db: ConversationsDb,
	event: ConversationEvent
): Promise<Response> {
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

	if (!isUuid(event.params.id)) return refuse(404, 'conversations.errors.unknown_conversation');
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
	// The limiter's round trip and the settings read run side by side: the vote path is hot.
	const [limit, settings] = await Promise.all([
		voteLimiter.take(`ip:${event.locals.clientIp}`, parsed.data.length),
		accessSettings(db, event.params.id)
	]);
	if (!limit.allowed) return refuse(429, 'conversations.errors.rateLimited');
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

async function openConversation(db: ConversationsDb, event: ConversationEvent) {
	if (!isUuid(event.params.id)) return null;
	return (await getConversation(db, event.params.id)) ?? null;
}

/** The page's vote form: one vote, same checks as the JSON endpoint. */
export async function voteFormAction(db: ConversationsDb, event: ConversationEvent) {
	const c = await openConversation(db, event);
	if (!c) return fail(404, { voteError: 'conversations.errors.unknown_conversation' });
	if (!(await voteLimiter.take(`ip:${event.locals.clientIp}`)).allowed) {
		return fail(429, { voteError: 'conversations.errors.rateLimited' });
	}
	const form = await superValidate(event.request, zod4(voteFormSchema));
	if (!form.valid) return fail(400, { voteError: firstError(form.errors, ['vote', 'tid']) });
	const parsed = voteSchema.safeParse({
		tid: Number(form.data.tid),
		vote: VOTE_WORDS[form.data.vote],
		clientId: form.data.clientId
	});
	if (!parsed.success) return fail(400, { voteError: parsed.error.issues[0].message });
	const identity = identityOf(event, c, true)!;
	const r = await voteAs(db, c.id, identity, [parsed.data]);
	if (!r.ok) return fail(STATUS[r.error], { voteError: `conversations.errors.${r.error}` });
	return { voted: true };
}

/** The page's statement form. */
export async function statementFormAction(db: ConversationsDb, event: ConversationEvent) {
	const c = await openConversation(db, event);
	if (!c)
		return fail(404, { body: '', statementError: 'conversations.errors.unknown_conversation' });
	const form = await superValidate(event.request, zod4(statementFormSchema));
	const body = form.data.body;
	if (!(await statementLimiter.take(`ip:${event.locals.clientIp}`)).allowed) {
		return fail(429, { body, statementError: 'conversations.errors.rateLimited' });
	}
	if (!form.valid)
		return fail(400, { body, statementError: firstError(form.errors, ['body', 'clientId']) });
	const parsed = statementSchema.safeParse({ body, clientId: form.data.clientId || undefined });
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

/**
 * The page's "tell me what comes of this" form (anonymous participants who have voted). The same
 * answer whether or not a mail goes out, so the form tells nobody whether an address is known.
 */
export async function followFormAction(db: ConversationsDb, event: ConversationEvent) {
	const c = await openConversation(db, event);
	if (!c) return fail(404, { followError: 'conversations.errors.unknown_conversation' });
	const form = await superValidate(event.request, zod4(followFormSchema));
	const email = String(form.data.email ?? '');
	if (!form.valid) return fail(400, { email, followError: firstError(form.errors, ['email']) });
	if (!(await followLimiter.take(`ip:${event.locals.clientIp}`)).allowed)
		return fail(429, { email, followError: 'conversations.errors.rateLimited' });
	const r = await askToFollow(db, c.id, identityOf(event, c, false), email, event.locals.locale);
	if (!r.ok)
		return fail(r.error === 'vote_first' ? 409 : 404, {
			email,
			followError: `conversations.errors.${r.error}`
		});
	return { followRequested: true };
}

/** The first field error of a superforms result, in the order the fields are checked. */
function firstError(errors: Record<string, unknown>, fields: string[]): string {
	for (const f of fields) {
		const e = errors[f];
		if (Array.isArray(e) && typeof e[0] === 'string') return e[0];
	}
	return 'conversations.errors.badRequest';
}
