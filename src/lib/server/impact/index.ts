/**
 * The impact tracker's public surface: routes, tests and other modules import from here only
 * (the lint rule in eslint.config.js enforces it). Other modules feed it through events
 * (impact.handlers.ts), never through these functions.
 */
export { impactManifest } from './manifest';
export type { ImpactTables } from './impact.tables';
export type { ImpactDb, ImpactExecutor, ImpactTx } from './impact.db';
export {
	STATUSES,
	CHANGE_STATUSES,
	WAITING_STATUSES,
	OUTCOME_STATUSES,
	FINDING_KINDS,
	SMALL_GROUP,
	HAND_KINDS,
	GROUP_DIMENSIONS,
	HEARD_SCORES,
	HEARD_FROM,
	readGroup,
	type Status,
	type FindingKind,
	type Evidence
} from './impact.types';
export {
	statusSchema,
	ownerSchema,
	parseOwner,
	idOrNull,
	decisionSchema,
	linkSchema,
	milestoneSchema,
	type MilestoneInput,
	milestoneEditSchema,
	type MilestoneEditInput,
	activitySchema,
	addFindingsSchema,
	heardSchema,
	parseGroups,
	findingLines,
	type ActivityInput,
	readPublicFilter,
	type StatusInput,
	type DecisionInput,
	type PublicFilter
} from './impact.schemas';
export {
	listFindings,
	getFinding,
	timeline,
	listDecisions,
	decisionMilestones,
	getMilestone,
	decisionFindingIds,
	ownerOptions,
	publicFindings,
	findingsOfSource,
	sourceProgress,
	findingYears,
	publicActivity,
	statusChanges,
	openData,
	maskSmall,
	handActivities,
	type StaffFilter
} from './impact.queries';
export { addMilestone, editMilestone, removeMilestone } from './milestones.service';
export {
	confirmFollow,
	followRequestView,
	forgetStaleFollowRequests,
	FOLLOW_DAYS
} from './follow.service';
export {
	assignOwner,
	changeStatus,
	canChange,
	isCoordinator,
	createDecision,
	linkToDecision,
	setProgress,
	rollUpProgress,
	sendReminders,
	optOut,
	upsertActivity,
	upsertFinding,
	addContacts,
	withdrawFinding,
	type ChangeError
} from './impact.service';
export {
	createActivity,
	addActivityFindings,
	HAND_FINDING,
	type ActivityError
} from './activities.service';
export {
	IMPACT_HANDLERS,
	CONTACT_HANDLERS,
	findingRecorded,
	findingRemoved,
	themeRecorded,
	poolContact,
	feedbackContact,
	poolMemberErased,
	userErased,
	expertFindingRecorded,
	themeRising,
	councilStatementApproved,
	councilStatementReopened
} from './impact.handlers';
export { findingRecipients } from './contacts';
export { heardQuestion, answerHeard } from './heard.service';
export { impactConfig, impactSettingsSchema } from './impact.config';
export { seedImpactDemo } from './demo';
export {
	participationMetric,
	metricView,
	activityHeard,
	median,
	reachAgainstPopulation,
	type MetricFigures,
	type PopulationFigure,
	type ReachTable
} from './metric';
export {
	explanation,
	localTitle,
	unitName,
	publicEvidence,
	processPhase,
	type LocalText
} from './public-view';
export {
	LICENCE,
	OPEN_DATA_SCHEMA,
	isOpenDataTable,
	openDataCsv,
	openDataJson,
	type OpenDataTable
} from './open-data';
