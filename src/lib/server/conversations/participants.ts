/**
 * Pseudonymous participants: one row per conversation and person, recognised by an anonymous
 * cookie key (kept hashed), an external id from the link (Polis XID) or the signed-in account. Results and
 * exports only ever show the row number, never the key.
 */
import type { ConversationsExecutor } from './conversations.db';
import { shortLivedCache } from '../core/cache';
import { tokenId } from '../core/auth/tokens';
import type { ParticipantIdentity } from './conversations.types';

// Vote intake resolves the same participant on every vote: remember recent ones in memory.
// Only ids read or created outside a transaction (that is, committed) are remembered: an id seen
// inside a transaction that later rolls back would point at a row that never existed. The id of
// a key never changes; the time to live only bounds how long an erased participant is remembered.
const cache = shortLivedCache<string, number>({ max: 50_000, ttlMs: 10 * 60_000 });

function column(identity: ParticipantIdentity) {
	switch (identity.kind) {
		case 'user':
			return { col: 'app_user_id' as const, value: identity.userId };
		case 'xid':
			return { col: 'xid' as const, value: identity.xid };
		case 'anon':
			// Stored as its SHA-256: the cookie is a bearer secret, and whoever reads the table
			// (a backup, a replica) must not be able to vote as the person.
			return { col: 'anon_key' as const, value: tokenId(identity.key) };
	}
}

export async function findParticipant(
	db: ConversationsExecutor,
	conversationId: string,
	identity: ParticipantIdentity
): Promise<number | null> {
	const { col, value } = column(identity);
	const key = `${conversationId}|${col}|${value}`;
	const hit = cache.get(key);
	if (hit !== undefined) return hit;
	const row = await db
		.selectFrom('conversation_participant')
		.select('id')
		.where('conversation_id', '=', conversationId)
		.where(col, '=', value)
		.executeTakeFirst();
	if (row) remember(db, key, Number(row.id));
	return row ? Number(row.id) : null;
}

/** The id this process remembers for the identity, without asking the database. */
export function rememberedParticipant(
	conversationId: string,
	identity: ParticipantIdentity
): number | null {
	const { col, value } = column(identity);
	return cache.get(`${conversationId}|${col}|${value}`) ?? null;
}

/**
 * The participant's id for a first vote: the insert comes first, so a newcomer (the usual case
 * when this process does not remember the identity) costs one statement; someone who already
 * has a row costs the insert that finds the conflict plus one read. Safe under concurrent
 * first votes (ON CONFLICT DO NOTHING on the identity's unique key).
 */
export async function joinParticipant(
	db: ConversationsExecutor,
	conversationId: string,
	identity: ParticipantIdentity
): Promise<number> {
	const { col, value } = column(identity);
	const inserted = await db
		.insertInto('conversation_participant')
		.values({ conversation_id: conversationId, [col]: value })
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) {
		remember(db, `${conversationId}|${col}|${value}`, Number(inserted.id));
		return Number(inserted.id);
	}
	const found = await findParticipant(db, conversationId, identity);
	if (found === null) throw new Error('participant vanished');
	return found;
}

/** The participant's id, creating the row on first contact (safe under concurrent first votes). */
export async function ensureParticipant(
	db: ConversationsExecutor,
	conversationId: string,
	identity: ParticipantIdentity
): Promise<number> {
	const found = await findParticipant(db, conversationId, identity);
	if (found !== null) return found;
	const { col, value } = column(identity);
	const inserted = await db
		.insertInto('conversation_participant')
		.values({ conversation_id: conversationId, [col]: value })
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) {
		remember(db, `${conversationId}|${col}|${value}`, Number(inserted.id));
		return Number(inserted.id);
	}
	const again = await findParticipant(db, conversationId, identity);
	if (again === null) throw new Error('participant vanished');
	return again;
}

function remember(db: ConversationsExecutor, key: string, id: number) {
	if (db.isTransaction) return;
	cache.set(key, id);
}

/** Tests and imports that rewrite participants call this. */
export function forgetParticipants(): void {
	cache.clear();
}
