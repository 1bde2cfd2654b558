/**
 * Who may take part in a conversation: signed-in people always; anonymous cookie keys when the
 * conversation allows anonymous participation; external ids (XIDs) only when the moderator has
 * turned them on AND the id comes with its signature under the conversation's key.
 */
import type { ConversationsExecutor } from './conversations.db';
import { shortLivedCache } from '../core/cache';
import type { IdentityRefusal, ParticipantIdentity } from './conversations.types';
import { verifyXid } from './xid';
import { findParticipant } from './participants';

export interface AccessSettings {
	id: string;
	/** Up to 2 s old (the cache below): the vote statement itself re-checks it. */
	status: 'open' | 'closed';
	allow_anonymous: boolean;
	allow_xid: boolean;
	xid_secret: string;
}

export function identityRefusal(
	c: AccessSettings,
	identity: ParticipantIdentity
): IdentityRefusal | null {
	switch (identity.kind) {
		case 'user':
			return null;
		case 'anon':
			return c.allow_anonymous ? null : 'sign_in';
		case 'xid':
			if (!c.allow_xid) return 'xid_disabled';
			return verifyXid(c.xid_secret, c.id, identity.xid, identity.sig) ? null : 'xid_invalid';
	}
}

// Every XID vote needs the conversation's key: keep the settings briefly instead of reading the
// row on every request of a vote burst. A change made in this process applies at once (forget);
// another process sees it within 2 s.
const cache = shortLivedCache<string, { settings: AccessSettings | null }>({
	max: 10_000,
	ttlMs: 2_000
});

export async function accessSettings(
	db: ConversationsExecutor,
	conversationId: string
): Promise<AccessSettings | null> {
	const hit = cache.get(conversationId);
	if (hit) return hit.settings;
	const row = await db
		.selectFrom('conversation')
		.select(['id', 'status', 'allow_anonymous', 'allow_xid', 'xid_secret'])
		.where('id', '=', conversationId)
		.executeTakeFirst();
	cache.set(conversationId, { settings: row ?? null });
	return row ?? null;
}

export function forgetAccessSettings(conversationId: string): void {
	cache.delete(conversationId);
}

/** The viewer's participant id for pages, or null when the identity is unknown or not accepted. */
export async function viewerParticipant(
	db: ConversationsExecutor,
	c: AccessSettings,
	identity: ParticipantIdentity | null
): Promise<number | null> {
	if (!identity || identityRefusal(c, identity)) return null;
	return findParticipant(db, c.id, identity);
}
