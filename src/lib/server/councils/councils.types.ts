/** The councils' vocabulary, shared by tables, schemas, services and pages. */
export const BODY_KINDS = [
	'customer_council',
	'elders_council',
	'disability_council',
	'youth_council',
	'other'
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const MEMBER_ROLES = ['chair', 'vice_chair', 'secretary', 'member', 'deputy'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The pool activity type council invitations carry (pool_invitation.activity_type). */
export const COUNCIL_ACTIVITY = 'council';

/** Why a change was refused; nothing of it was kept. */
export type CouncilError =
	| 'forbidden'
	| 'not_found'
	| 'past'
	| 'closed'
	| 'not_started'
	| 'not_member'
	| 'duplicate'
	| 'no_minutes'
	| 'not_open'
	| 'no_recipients'
	| 'before_start'
	| 'no_seat'
	| 'no_rate'
	| 'not_attended'
	| 'has_fees'
	| 'amount';
export type Result<T = object> = ({ ok: true } & T) | { ok: false; error: CouncilError };
