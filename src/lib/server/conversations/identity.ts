/**
 * Who is voting: the signed-in account, else an external id (XID) remembered from the link,
 * else an anonymous random key in a cookie. The cookie key is never shown in results or exports.
 */
import type { Cookies } from '@sveltejs/kit';
import type { ParticipantIdentity } from './conversations.types';

export const ANON_COOKIE = 'osallistu_conv';
const XID_COOKIE = (conversationId: string) => `osallistu_xid_${conversationId.slice(0, 8)}`;
const XID = /^[A-Za-z0-9_.:-]{1,100}$/;
const YEAR = 60 * 60 * 24 * 365;

interface Event {
	cookies: Cookies;
	locals: App.Locals;
	url: URL;
}

/** Reads the identity; `create` sets a fresh anonymous key when there is none yet. */
export function identityOf(
	event: Event,
	conversationId: string,
	create: boolean
): ParticipantIdentity | null {
	if (event.locals.user) return { kind: 'user', userId: event.locals.user.id };
	const fromLink = event.url.searchParams.get('xid');
	if (fromLink && XID.test(fromLink)) {
		event.cookies.set(XID_COOKIE(conversationId), fromLink, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: YEAR
		});
		return { kind: 'xid', xid: fromLink };
	}
	const xid = event.cookies.get(XID_COOKIE(conversationId));
	if (xid && XID.test(xid)) return { kind: 'xid', xid };
	let key = event.cookies.get(ANON_COOKIE);
	if (key && !/^[A-Za-z0-9_-]{20,64}$/.test(key)) key = undefined;
	if (!key) {
		if (!create) return null;
		key = randomKey();
		event.cookies.set(ANON_COOKIE, key, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: YEAR
		});
	}
	return { kind: 'anon', key };
}

function randomKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(18));
	return Buffer.from(bytes).toString('base64url');
}
