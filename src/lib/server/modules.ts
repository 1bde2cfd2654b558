/**
 * The composition root: the one list of the portal's modules. Core never imports a module;
 * it is handed these manifests (runtime, access policy, workspace links, home page). A new
 * module adds its manifest here and its tables type in db.ts.
 */
import {
	CORE_HOME_CARDS,
	CORE_LINKS,
	workspaceLinks,
	type ModuleManifest,
	type WaitingWork,
	type WorkspaceArea
} from './core/modules';
import { accessPolicy } from './core/auth/access-policy';
import { CORE_AUDIT_OBJECTS } from './core/audit';
import type { SessionUser } from './core/auth/roles';
import type { Db } from './db';
import { poolManifest } from './pool';
import { feedbackManifest } from './feedback';
import { conversationsManifest } from './conversations';
import { impactManifest } from './impact';
import { feesManifest } from './fees';
import { expertsManifest } from './experts';
import { panelsManifest } from './panels';
import { textanalysisManifest } from './textanalysis';
import { councilsManifest } from './councils';

/** In this order: demo seeders run, links and home-page cards are shown. */
export const MODULES: readonly ModuleManifest<Db>[] = [
	poolManifest,
	feedbackManifest,
	conversationsManifest,
	// Before panels, experts and councils: their demos record fees on the demo schedule.
	feesManifest,
	panelsManifest,
	expertsManifest,
	councilsManifest,
	impactManifest,
	textanalysisManifest
];

/** Core's areas and every module's own rules, for hooks.server.ts and the area layouts. */
export const access = accessPolicy(MODULES.flatMap((m) => m.access ?? []));

const LINKS = [...CORE_LINKS, ...MODULES.flatMap((m) => m.links ?? [])];

/** The links of a workspace index page (/staff, /admin, /account) that `user` may open. */
export const linksFor = (area: WorkspaceArea, user: SessionUser | null) =>
	workspaceLinks(LINKS, area, user);

/** The public home page's cards: each module's, then core's. */
export const homeCards = [
	...MODULES.flatMap((m) => (m.homeCard ? [m.homeCard] : [])),
	...CORE_HOME_CARDS
];

/** Every activity type the modules offer to the pool's invitations. */
export const poolActivityTypes = MODULES.flatMap((m) =>
	(m.activities ?? []).filter((a) => a.offeredTo.includes('pool'))
);

/** The object types the audit log names and links: core's, then each module's. */
export const auditObjects = [
	...CORE_AUDIT_OBJECTS,
	...MODULES.flatMap((m) => m.auditObjects ?? [])
];

/** Every module's waiting work for the user, non-zero counts only, in module order. */
export async function waitingWorkFor(db: Db, user: SessionUser): Promise<WaitingWork[]> {
	const all = await Promise.all(MODULES.map((m) => m.waitingWork?.(db, user) ?? []));
	return all.flat().filter((w) => w.count > 0);
}
