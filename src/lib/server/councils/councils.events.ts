/**
 * The councils' events, added to core's EventMap (core/events) by module augmentation. Published
 * in the same transaction as the change (councils.statements.ts decideStatement,
 * reopenStatement); the impact tracker handles them (impact.handlers.ts). Payloads carry ids, the
 * statement's text and the body's name (both public on the body's page), and counts, never
 * a person.
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
}

declare module '../core/events' {
	interface EventMap {
		'councils.statement_approved': StatementApprovedEvent;
		/** An approved statement set back to a draft before the meeting closed. */
		'councils.statement_reopened': { statementId: number; meetingId: number; bodyId: number };
	}
}
