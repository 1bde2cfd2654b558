export type ConversationStatus = 'open' | 'closed';
export type StatementStatus = 'pending' | 'accepted' | 'rejected';
export type VoteValue = 1 | -1 | 0;

/**
 * How a participant is recognised; never holds personal data beyond an account id. An `xid`
 * identity is only a claim until the service has checked its signature (`sig`, from the link)
 * against the conversation's key.
 */
export type ParticipantIdentity =
	| { kind: 'user'; userId: string }
	| { kind: 'xid'; xid: string; sig: string }
	| { kind: 'anon'; key: string };

/** Why an identity may not take part: sign-in needed, or an XID that is forged or not allowed. */
export type IdentityRefusal = 'sign_in' | 'xid_invalid' | 'xid_disabled';

export type VoteError = 'unknown_conversation' | 'closed' | 'unknown_statement';

export type VoteOutcome = { ok: true; duplicate: boolean } | { ok: false; error: VoteError };

export interface StatementView {
	id: number;
	tid: number;
	body: string;
	status: StatementStatus;
	isMeta: boolean;
	isSeed: boolean;
}
