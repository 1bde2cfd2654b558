/**
 * Signed external ids (Polis XIDs). A link `…/conversations/<id>?xid=<xid>&xsig=<sig>` carries an
 * id from another system (a panel register, a survey tool) and its HMAC-SHA256 under the
 * conversation's own key, so nobody can invent an id, or take over someone else's by knowing it.
 * The key is per conversation: a link made for one conversation does not work in another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What an XID may look like (also keeps it a safe cookie value and CSV cell). */
export const XID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
/** base64url of the 32-byte HMAC. */
const SIG_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh conversation key: 32 random bytes as hex. */
export function newXidSecret(): string {
	return randomBytes(32).toString('hex');
}

function mac(secret: string, conversationId: string, xid: string): Buffer {
	// The conversation id is in the message too, so even a copied key signs for one conversation.
	return createHmac('sha256', Buffer.from(secret, 'hex'))
		.update(`osallistu-xid\n${conversationId}\n${xid}`)
		.digest();
}

export function signXid(secret: string, conversationId: string, xid: string): string {
	return mac(secret, conversationId, xid).toString('base64url');
}

/** Constant-time check of a signature from a link or cookie. */
export function verifyXid(
	secret: string,
	conversationId: string,
	xid: string,
	sig: string
): boolean {
	if (!XID_PATTERN.test(xid) || !SIG_PATTERN.test(sig)) return false;
	const given = Buffer.from(sig, 'base64url');
	const expected = mac(secret, conversationId, xid);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The participation link of one XID. */
export function xidLink(origin: string, conversationId: string, secret: string, xid: string) {
	const q = new URLSearchParams({ xid, xsig: signXid(secret, conversationId, xid) });
	return `${origin}/conversations/${conversationId}?${q}`;
}
