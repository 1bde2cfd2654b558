/**
 * The pool's events, added to core's EventMap (core/events) by module augmentation: core never
 * imports the pool. The type checker sees the augmentation because the file is in the project
 * (nothing needs to import it). Published in the same transaction as the change
 * (member.service.ts, invitation.service.ts); other modules (the impact tracker) handle them.
 * An erasure forgets the member's id in the pool's earlier events (`forgetInEvents`); its own
 * `pool.member_erased` carries the id so that a handler can erase what it keeps, and is emptied
 * once delivered.
 */
import type { Answer } from './pool.tables';

export interface InvitationAnsweredEvent {
	invitationId: number;
	activityType: string;
	activityId: string | null;
	/** Null once the member has been erased (forgetInEvents): the answer still counts. */
	memberId: string | null;
	answer: Answer;
}

declare module '../core/events' {
	interface EventMap {
		/** `memberId` is null once the member has been erased. */
		'pool.member_confirmed': { memberId: string | null };
		/** Emptied once delivered: handlers erase what they keep of the member, then nobody needs it. */
		'pool.member_erased': { memberId: string; reason: string };
		'pool.invitation_created': { invitationId: number; activityType: string; recipients: number };
		'pool.invitation_answered': InvitationAnsweredEvent;
	}
}
