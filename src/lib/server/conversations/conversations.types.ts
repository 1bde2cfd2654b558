export type ConversationStatus = 'open' | 'closed';
export type StatementStatus = 'pending' | 'accepted' | 'rejected';
export type VoteValue = 1 | -1 | 0;

/** How a participant is recognised; never holds personal data beyond an account id. */
export type ParticipantIdentity =
	{ kind: 'user'; userId: string } | { kind: 'xid'; xid: string } | { kind: 'anon'; key: string };

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
