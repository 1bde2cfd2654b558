/**
 * The experts module's public surface: routes, tests and other modules import from here only
 * (the lint rule in eslint.config.js enforces it). The impact tracker hears of findings through
 * `experts.finding_recorded`, never through these functions.
 */
export { expertsManifest } from './manifest';
export type { ExpertsTables } from './experts.tables';
export type { ExpertsDb, ExpertsExecutor, ExpertsTx } from './experts.db';
export {
	AREAS,
	AS,
	AREA_VALUES,
	KINDS,
	WAYS,
	MEETING,
	LANGUAGES,
	REQUEST_STATUSES,
	ASSIGNMENT_STATUSES,
	areaOf,
	type Area,
	type AreaValue,
	type Kind,
	type Way,
	type AssignmentStatus
} from './experts.types';
export {
	profileSchema,
	trainingSchema,
	requestSchema,
	proposeSchema,
	idSchema,
	answerSchema,
	closeSchema,
	feedbackSchema,
	helsinkiInstant,
	type ProfileInput,
	type TrainingInput,
	type RequestInput,
	type CloseInput,
	type FeedbackInput
} from './experts.schemas';
export {
	ownProfile,
	listProfiles,
	getProfile,
	getRequest,
	ownRequests,
	coordinatorRequests,
	requestAssignments,
	staffRequestView,
	matchRequestOf,
	candidatesFor,
	askedFor,
	getAssignment,
	totals,
	type TotalRow
} from './experts.queries';
export {
	isCoordinator,
	saveOwnProfile,
	setPaused,
	addTraining,
	removeTraining,
	approveProfile,
	createRequest,
	canSeeRequest,
	proposeExpert,
	answerByToken,
	answerAsExpert,
	proposalForToken,
	hourlyRate,
	closeAssignment,
	giveFeedback,
	type ProposeError,
	type AnswerError,
	type AnswerResult,
	type CloseError,
	type FeedbackError
} from './experts.service';
export {
	rankExperts,
	scoreCandidate,
	nextToPropose,
	overlaps,
	WEIGHTS,
	ROTATION_STEP,
	ROTATION_CAP,
	type MatchRequest,
	type Candidate,
	type RankedExpert,
	type Reason
} from './matching';
export { totalsCsv, totalsRows, TOTALS_COLUMNS } from './totals-csv';
export { seedExpertsDemo } from './demo';
