/**
 * The councils module's public surface: routes, tests and other modules import from here only
 * (the lint rule enforces it). The impact tracker hears of statements through events
 * (councils.events.ts), never through these functions.
 */
export { councilsManifest } from './manifest';
export type {
	CouncilsTables,
	MeetingStatus,
	RequestStatus,
	StatementStatus
} from './councils.tables';
export type { CouncilsDb, CouncilsExecutor, CouncilsTx } from './councils.db';
export type { StatementApprovedEvent } from './councils.events';
export {
	BODY_KINDS,
	MEMBER_ROLES,
	COUNCIL_ACTIVITY,
	type BodyKind,
	type MemberRole
} from './councils.types';
export {
	bodySchema,
	memberSchema,
	candidateSchema,
	endMemberSchema,
	recruitSchema,
	meetingSchema,
	agendaSchema,
	materialSchema,
	sendSchema,
	attendanceSchema,
	minutesSchema,
	statementSchema,
	statementActionSchema,
	requestSchema,
	acceptSchema,
	declineSchema,
	answerSchema,
	expenseSchema,
	type BodyInput,
	type MemberInput,
	type MeetingInput
} from './councils.schemas';
export { coordinates, isAdmin, isStaff, mayCreateBodies, statusOf } from './councils.access';
export {
	listBodies,
	getBody,
	coordinatorsOf,
	coordinatorOptions,
	membersOf,
	membersOnDay,
	candidatesOf,
	meetingsOf,
	getMeeting,
	agendaOf,
	materialsOf,
	attendanceOf,
	attendanceCounts,
	statementsOf,
	requestsOf,
	requestsBy,
	getRequest,
	seatsOfUser
} from './councils.queries';
export {
	createBody,
	addMember,
	addCandidate,
	endMembership,
	recruitFromPool
} from './councils.members';
export {
	createMeeting,
	meetingInstant,
	addAgendaItem,
	addMaterial,
	sendMeetingMail,
	recordAttendance,
	saveMinutes,
	closeMeeting
} from './councils.meetings';
export { saveDraft, decideStatement } from './councils.statements';
export { createRequest, acceptRequest, declineRequest, answerRequest } from './councils.requests';
export type { CouncilError, Result } from './councils.types';
export {
	bodyFees,
	ownFees,
	recordExpense,
	recordMeetingFees,
	EXPENSE_KINDS,
	SOURCE_TYPE as FEE_SOURCE_TYPE,
	type ExpenseKind,
	type FeeTotals
} from './councils.fees';
export { bodyPage, memberPage, publicBodyPage, meetingPage } from './councils.pages';
export { COUNCILS_HANDLERS, invitationAnswered } from './councils.handlers';
export { seedCouncilsDemo } from './demo';
