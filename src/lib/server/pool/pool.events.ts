/**
 * The pool's events, added to core's EventMap (core/events) by module augmentation: core never
 * imports the pool. The type checker sees the augmentation because the file is in the project
 * (nothing needs to import it). Published in the same transaction as the change
 * (member.service.ts, invitation.service.ts); other modules (the impact tracker) handle them.
 * `pool.member_erased` carries the erased member's id so that a handler can erase what it keeps.
 */
import type { Answer } from './pool.tables';

export interface InvitationAnsweredEvent {
	invitationId: number;
	activityType: string;
	activityId: string | null;
	memberId: string;
	answer: Answer;
}

declare module '../core/events' {
	interface EventMap {
		'pool.member_confirmed': { memberId: string };
		'pool.member_erased': { memberId: string; reason: string };
		'pool.invitation_created': { invitationId: number; activityType: string; recipients: number };
		'pool.invitation_answered': InvitationAnsweredEvent;
	}
}
