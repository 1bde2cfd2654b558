/**
 * "Tell me what comes of this" for participants without an account (issue 12: conversation
 * participants who gave an e-mail are told when a finding moves). Only someone who has voted in
 * the conversation may leave an address; it is not stored here but handed to the impact tracker
 * in an event emptied once delivered, and the tracker counts it only after its mailed link is
 * followed (impact/follow.service.ts). Signed-in participants need nothing: their account is
 * passed with each finding.
 */
import { publish } from '../core/events';
import type { ConversationsDb } from './conversations.db';
import type { ParticipantIdentity } from './conversations.types';
import { getConversation } from './conversations.queries';
import { viewerParticipant } from './access';

export type FollowError = 'unknown_conversation' | 'vote_first';

export async function askToFollow(
	db: ConversationsDb,
	conversationId: string,
	identity: ParticipantIdentity | null,
	email: string,
	locale: string
): Promise<{ ok: true } | { ok: false; error: FollowError }> {
	const c = await getConversation(db, conversationId);
	if (!c) return { ok: false, error: 'unknown_conversation' };
	const pid = await viewerParticipant(db, c, identity);
	const voted =
		pid !== null &&
		(await db
			.selectFrom('conversation_vote')
			.select('statement_id')
			.where('participant_id', '=', pid)
			.where('conversation_id', '=', c.id)
			.limit(1)
			.executeTakeFirst());
	if (!voted) return { ok: false, error: 'vote_first' };
	await db
		.transaction()
		.execute((trx) =>
			publish(
				trx,
				'conversations.follow_requested',
				{ conversationId: c.id, topic: c.topic, email, locale },
				{ forgetOnDelivery: true }
			)
		);
	return { ok: true };
}
