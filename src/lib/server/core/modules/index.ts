export type {
	ActivityType,
	AuditObject,
	WaitingWork,
	HomeCard,
	ModuleEvents,
	ModuleManifest,
	ModuleRole,
	RouteWalkRule,
	RouteWalkWho,
	WorkspaceArea,
	WorkspaceLink
} from './manifest';
export { CORE_HOME_CARDS, CORE_LINKS, workspaceLinks } from './workspace-links';
