/**
 * Who is voting: the signed-in account, else an external id (XID) from a signed link, remembered
 * in a cookie, else an anonymous random key in a cookie. The cookie key is never shown in results
 * or exports. An XID is returned with its signature; the service decides whether it is accepted
 * (`access.ts`), so a forged or unsigned one gets a clear refusal instead of a silent fallback.
 */
import type { Cookies } from '@sveltejs/kit';
import type { ParticipantIdentity } from './conversations.types';
import type { AccessSettings } from './access';
import { verifyXid, XID_PATTERN } from './xid';
import { generateToken } from '../core/auth/tokens';

export const ANON_COOKIE = 'osallistu_conv';
const XID_COOKIE = (conversationId: string) => `osallistu_xid_${conversationId.slice(0, 8)}`;
const YEAR = 60 * 60 * 24 * 365;

interface Event {
	cookies: Cookies;
	locals: App.Locals;
	url: URL;
}

/** Reads the identity; `create` sets a fresh anonymous key when there is none yet. */
export function identityOf(
	event: Event,
	conversation: AccessSettings,
	create: boolean
): ParticipantIdentity | null {
	if (event.locals.user) return { kind: 'user', userId: event.locals.user.id };
	const fromLink = event.url.searchParams.get('xid');
	if (fromLink !== null) {
		const sig = event.url.searchParams.get('xsig') ?? '';
		// Only a link that checks out replaces the remembered one: a mangled link must not
		// log the person out of the id they already had.
		if (
			conversation.allow_xid &&
			verifyXid(conversation.xid_secret, conversation.id, fromLink, sig)
		) {
			event.cookies.set(XID_COOKIE(conversation.id), `${sig}.${fromLink}`, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				maxAge: YEAR
			});
		}
		return { kind: 'xid', xid: fromLink, sig };
	}
	const remembered = event.cookies.get(XID_COOKIE(conversation.id));
	const dot = remembered?.indexOf('.') ?? -1;
	if (remembered && dot > 0) {
		const xid = remembered.slice(dot + 1);
		if (XID_PATTERN.test(xid)) return { kind: 'xid', xid, sig: remembered.slice(0, dot) };
	}
	let key = event.cookies.get(ANON_COOKIE);
	if (key && !/^[A-Za-z0-9_-]{20,64}$/.test(key)) key = undefined;
	if (!key) {
		if (!create) return null;
		key = generateToken();
		event.cookies.set(ANON_COOKIE, key, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: YEAR
		});
	}
	return { kind: 'anon', key };
}
