/**
 * When a participant may see the opinion map: after MAP_MIN_VOTES votes (Polis clusters from 7),
 * or after every statement when there are fewer, and for everyone once the conversation has
 * closed. The vote page shows the same threshold as its progress goal.
 */
import type { ConversationsExecutor } from './conversations.db';
import { MAP_MIN_VOTES } from './conversations.schemas';
import { votableStatements, votesOfParticipant } from './conversations.queries';

/** Votes a participant casts before the map opens to them, given how many statements there are. */
export function mapThreshold(statements: number): number {
	return Math.min(MAP_MIN_VOTES, statements);
}

/** True when the participant (null: has not voted yet) may open the conversation's map. */
export async function mapOpenTo(
	db: ConversationsExecutor,
	c: { id: string; status: string; moderation: string },
	participantId: number | null
): Promise<boolean> {
	if (c.status !== 'open') return true;
	if (participantId === null) return false;
	const total = (await votableStatements(db, c.id, c.moderation)).length;
	const mine = (await votesOfParticipant(db, participantId)).size;
	return mine > 0 && mine >= mapThreshold(total);
}
