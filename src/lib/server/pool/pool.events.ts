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
	/**
	 * The member's groups when they answered (`memberGroups`: municipality, age band, gender,
	 * language), so whoever counts participation counts them as they were then. Absent in events
	 * published before 2026-12-05.
	 */
	groups?: string[];
}

/**
 * A member's answer to an invitation, with the address to reach them by: the impact tracker tells
 * those who took part ("yes") when the activity's findings move. The only pool event with an
 * address, so it is published with `forgetOnDelivery` (emptied once delivered) and an erasure
 * forgets both the id and the address in it before delivery (`forgetInEvents`).
 */
export interface ActivityContactEvent {
	invitationId: number;
	activityType: string;
	activityId: string;
	/** Null once the member has been erased: the handler then keeps nothing. */
	memberId: string | null;
	email: string | null;
	locale: string;
	/** true for "yes"; false takes an earlier "yes" back. */
	attending: boolean;
}

declare module '../core/events' {
	interface EventMap {
		/** `memberId` is null once the member has been erased. */
		'pool.member_confirmed': { memberId: string | null };
		/** Emptied once delivered: handlers erase what they keep of the member, then nobody needs it. */
		'pool.member_erased': { memberId: string; reason: string };
		'pool.invitation_created': { invitationId: number; activityType: string; recipients: number };
		'pool.invitation_answered': InvitationAnsweredEvent;
		'pool.activity_contact': ActivityContactEvent;
	}
}
