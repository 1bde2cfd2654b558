/**
 * The councils' events, added to core's EventMap (core/events) by module augmentation. Published
 * in the same transaction as the change (councils.statements.ts decideStatement,
 * reopenStatement); the impact tracker handles them (impact.handlers.ts). Payloads carry ids, the
 * statement's text and the body's name (both public on the body's page), counts, and the ids of
 * the present members' accounts (to be told when it moves), never a name or an address.
 */
import type { BodyKind } from './councils.types';

export interface StatementApprovedEvent {
	statementId: number;
	meetingId: number;
	bodyId: number;
	bodyName: string;
	bodyKind: BodyKind;
	/** The statement as approved (public). */
	body: string;
	/** Helsinki days, YYYY-MM-DD. */
	meetingDay: string;
	approvedOn: string;
	/** Members recorded present at the meeting. */
	attended: number;
	serviceLineIds: number[];
	/**
	 * Accounts of the members present who have one, to be told when the statement's finding moves
	 * (ids only, never an address). Absent in events published before 2026-12-05.
	 */
	memberUserIds?: string[];
}

declare module '../core/events' {
	interface EventMap {
		'councils.statement_approved': StatementApprovedEvent;
		/** An approved statement set back to a draft before the meeting closed. */
		'councils.statement_reopened': { statementId: number; meetingId: number; bodyId: number };
	}
}
