/**
 * Resident panels' public surface (issue 13): routes, tests and other modules import from here
 * only. The draw itself is the engine in ml/panels; this module stores, orders and shows it.
 */
export { panelsManifest } from './manifest';
export type { PanelsTables } from './panels.tables';
export type { PanelsDb, PanelsExecutor, PanelsTx } from './panels.db';
export {
	ALGORITHM,
	MEMBER_STATES,
	PANEL_STATUSES,
	POOL_CATEGORIES,
	SEATED,
	DROPPED,
	type MemberState,
	type PanelStatus,
	type StoredQuotaOutcome
} from './panels.types';
export { isPanelCoordinator, type PanelProblem, type Result } from './access';
export { fieldProblems } from './form-problems';
export {
	answerSchema,
	attendanceSchema,
	commitSchema,
	fromInvitationSchema,
	importSchema,
	memberActionSchema,
	panelSchema,
	pointSchema,
	publishSchema,
	quotasSchema,
	removePointSchema,
	replaceSchema,
	seedSchema,
	sessionSchema,
	sessionFeesSchema,
	supportSchema,
	type PanelInput
} from './panels.schemas';
export {
	attendanceOf,
	confirmedCount,
	getPanel,
	listPanels,
	panelSpec,
	pendingPoolAnswers,
	pointsOf,
	publicPanels,
	quotasOf,
	seatedOf,
	sessionsOf,
	supportsOf,
	volunteerRowsOf,
	volunteersOf,
	type PanelRow,
	type VolunteerRow
} from './panels.queries';
export {
	createPanel,
	importVolunteers,
	householdKey,
	poolAttributes,
	quotasText,
	readQuotas,
	readVolunteersCsv,
	recordPoolAnswer,
	saveQuotas,
	suggestQuotas,
	takePoolVolunteers
} from './panels.service';
export {
	awaitDraw,
	checkQuotas,
	commit,
	enterSeed,
	failureProblems,
	publishedData,
	retryDraw,
	runDraw,
	runQueuedDraws
} from './draw.service';
export {
	acceptReplacement,
	answerAsMember,
	inviteAll,
	memberAction,
	proposeFor,
	replacementSeed,
	type ReplacementProposal
} from './members.service';
export {
	addPoint,
	addSession,
	publishRecommendation,
	removePoint,
	setAttendance,
	setSupport
} from './work.service';
export { myVolunteers, mySeat } from './member-view';
export { FEE_SOURCE, recordSessionFees, sessionFees } from './fees.service';
export { PANELS_HANDLERS } from './panels.handlers';
export { stopPanelThread } from './panel-draw.off-thread';
export { seedPanelsDemo, demoVolunteersCsv } from './demo';
export {
	categoryLabel,
	valueLabel,
	labelQuotaRows,
	poolQuestionNames,
	type QuestionNames
} from './quota-labels';
