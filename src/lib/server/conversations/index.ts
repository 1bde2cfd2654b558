/**
 * The conversations module's public surface: routes, tests and other modules import from here
 * only (the lint rule in eslint.config.js enforces it). Everything else in the folder is internal.
 */
export { conversationsManifest } from './manifest';
export type { ConversationsTables } from './conversations.tables';
export type { ConversationsDb, ConversationsExecutor, ConversationsTx } from './conversations.db';
export {
	createConversation,
	createConversationFromForm,
	addSeedStatements,
	type SubmitError,
	submitStatement,
	moderateStatement,
	setConversationStatus,
	type VoteAsError,
	voteAs,
	setXidAllowed,
	MAX_XIDS,
	makeXidLinks,
	addFinding,
	removeFinding
} from './conversations.service';
export {
	getConversation,
	listConversations,
	listStatements,
	votableStatements,
	voteCountsByStatement,
	votesOfParticipant,
	conversationVotes,
	participationByDay,
	getMap,
	listFindings,
	participationOfUser
} from './conversations.queries';
export {
	STATEMENT_MIN,
	STATEMENT_MAX,
	MAX_SEEDS,
	MAX_BATCH,
	MAP_MIN_VOTES,
	seedLines,
	createConversationSchema,
	statementSchema,
	voteSchema,
	voteBatchSchema,
	findingSchema,
	createConversationFormSchema,
	moderateSchema,
	seedFormSchema,
	xidSettingSchema,
	xidLinksSchema,
	removeFindingSchema,
	polisImportSchema,
	voteFormSchema,
	statementFormSchema,
	type CreateConversationForm,
	type CreateConversationInput,
	type VoteInput
} from './conversations.schemas';
export type {
	ConversationStatus,
	StatementStatus,
	VoteValue,
	ParticipantIdentity,
	IdentityRefusal,
	VoteError,
	VoteOutcome,
	StatementView
} from './conversations.types';
export type {
	MapInput,
	MapResult,
	MapState,
	MapVote,
	ComputeOpinionMap,
	ComputeOpinionMapAsync
} from './opinion-map.port';
// The engine on the calling thread and in the worker thread (the map job uses the latter).
export { computeOpinionMap } from './opinion-map.engine';
export { computeOpinionMapOffThread, stopOpinionMapThread } from './opinion-map.off-thread';
export { castVote } from './votes';
export { castVotes } from './vote-intake';
// The batcher itself, for its integration test (routes go through castVotes).
export { VoteBatcher } from './vote-batcher';
export { ensureParticipant, findParticipant, forgetParticipants } from './participants';
export { nextStatement } from './next-statement';
export {
	recomputeDue,
	computeMapNow,
	ensureFreshMap,
	startMapWorker,
	MAP_MIN_INTERVAL_MS
} from './map-worker';
export {
	exportPolis,
	importPolis,
	parsePolisImport,
	PolisCsvError,
	PolisFileUnreadable,
	type PolisFiles
} from './polis-io';
export { identityOf, ANON_COOKIE } from './identity';
export { accessSettings, identityRefusal, viewerParticipant, type AccessSettings } from './access';
export { signXid, verifyXid, xidLink, XID_PATTERN } from './xid';
export {
	handleVoteApi,
	voteFormAction,
	statementFormAction,
	followFormAction,
	type ConversationEvent
} from './http';
export { voteLimiter, statementLimiter } from './rate-limit';
export {
	conversationsSettings,
	conversationsSettingsSchema,
	type ConversationsSettings
} from './conversations.settings';
export { buildMapView, GROUP_NAMES, MIN_VOTES_FOR_SHARE, type MapView } from './map-view';
export { conversationOr404, loadReport } from './pages';
export { mapOpenTo, mapThreshold } from './map-access';
export { contentLanguage } from './content-language';
export {
	parseResultOrder,
	RESULT_SORTS,
	type ResultOrder,
	type StatementResult
} from './statement-results';
