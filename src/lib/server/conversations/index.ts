/** The conversations module's public surface for routes and other modules. */
export * from './conversations.service';
export * from './conversations.queries';
export * from './conversations.schemas';
export type * from './conversations.types';
export type * from './opinion-map.port';
export { castVote } from './votes';
export { castVotes } from './vote-intake';
export { ensureParticipant, findParticipant } from './participants';
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
export { identityOf } from './identity';
export { accessSettings, identityRefusal, viewerParticipant, type AccessSettings } from './access';
export { signXid, verifyXid, xidLink, XID_PATTERN } from './xid';
export { handleVoteApi, voteFormAction, statementFormAction } from './http';
export { voteLimiter, statementLimiter } from './rate-limit';
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
