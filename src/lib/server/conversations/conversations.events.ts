/**
 * The conversations' events, added to core's EventMap (core/events) by module augmentation.
 * Published in the same transaction as the change (conversations.service.ts addFinding and
 * removeFinding); the impact tracker handles them.
 *
 * A finding carries its statement's text and the conversation's topic: both are already public
 * on the report page, written or accepted by a moderator, so the tracker needs no read of this
 * module's tables. Participants are ids of signed-in accounts only (never an address).
 */
export interface FindingRecordedEvent {
	findingId: number;
	conversationId: string;
	statementId: number;
	/** The statement as accepted (public). */
	body: string;
	note: string;
	/** Share of the votes on the statement that agreed, 0…1; null under the minimum of votes. */
	agreeShare: number | null;
	votes: number;
	/** Helsinki day, YYYY-MM-DD. */
	recordedOn: string;
	conversation: {
		topic: string;
		description: string;
		startedOn: string;
		endedOn: string | null;
		participants: number;
	};
	/** Signed-in participants, to be told when the finding moves. */
	participantUserIds: string[];
}

/**
 * An anonymous participant (one who has voted) left an address to hear what comes of the
 * conversation. The only event of this module with an address: published with `forgetOnDelivery`
 * and kept nowhere here; the tracker mails a link and counts the address only once it is followed.
 */
export interface FollowRequestedEvent {
	conversationId: string;
	/** Public: the conversation's topic. */
	topic: string;
	email: string | null;
	locale: string;
}

declare module '../core/events' {
	interface EventMap {
		'conversations.follow_requested': FollowRequestedEvent;
		'conversations.finding_recorded': FindingRecordedEvent;
		'conversations.finding_removed': { findingId: number; conversationId: string };
	}
}
