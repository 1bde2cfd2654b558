/**
 * Where a request's votes go: one vote joins the group commit (`vote-batcher.ts`), several votes
 * are one all-or-none statement (`votes.ts`). Kept apart from both so that the batcher and the
 * SQL it calls do not import each other.
 */
import type { ConversationsDb } from './conversations.db';
import type { VoteValue } from './conversations.types';
import { insertVotes, VoteRefused, whyNot } from './votes';
import { batcherFor } from './vote-batcher';

/**
 * Several votes of one participant in one statement (one commit): all stored or none, so a
 * batch with one bad vote writes nothing.
 */
export async function castVotes(
	db: ConversationsDb,
	conversationId: string,
	participantId: number,
	votes: Array<{ tid: number; vote: VoteValue; clientId: string }>
): Promise<{ stored: number; duplicates: number }> {
	if (votes.length === 1) {
		const out = await batcherFor(db).submit({ conversationId, participantId, ...votes[0] });
		if (!out.ok) throw new VoteRefused(0, out.error);
		return { stored: out.duplicate ? 0 : 1, duplicates: out.duplicate ? 1 : 0 };
	}
	const all = votes.map((v) => ({ conversationId, participantId, ...v }));
	const out = await insertVotes(db, all, { allOrNone: true });
	for (let i = 0; i < all.length; i++) {
		// The statement wrote nothing if any vote was refused: say why.
		if (!out.has(i)) throw new VoteRefused(i, await whyNot(db, conversationId));
	}
	let stored = 0;
	for (const fresh of out.values()) if (fresh) stored++;
	return { stored, duplicates: all.length - stored };
}
