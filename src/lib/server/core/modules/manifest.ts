/**
 * What a domain module tells the portal about itself, in one place (Decidim's component
 * manifests are the model). Core reads manifests but never imports a module: the composition
 * root (src/lib/server/modules.ts) lists them and hands them to core.
 *
 * `D` is the module's own database handle (core's tables and its own); the root passes the full
 * handle, which is assignable to every module's.
 */
import type { Kysely } from 'kysely';
import type { ZodObject } from 'zod';
import type { CoreTables } from '../db/core.tables';
import type { Role, SessionUser } from '../auth/roles';
import type { AccessRule } from '../auth/access-policy';
import type { PeriodicJob } from '../jobs';
import type { EventHandler, EventName } from '../events';

/** Where a workspace link is shown: the /staff, /admin or /account index page. */
export type WorkspaceArea = 'staff' | 'admin' | 'account';

export interface WorkspaceLink {
	area: WorkspaceArea;
	href: string;
	/** i18n key of the link text and of its one-line description (`<key>Text`). */
	key: string;
	/** Any of these opens it; none = every signed-in person. */
	roles?: readonly Role[];
	/** Also opens for unit staff (a `staff` grant scoped to a unit or a service line). */
	unitStaff?: boolean;
}

/** A card on the public home page. */
export interface HomeCard {
	titleKey: string;
	textKey: string;
	links: readonly { href: string; key: string }[];
	/** A muted line under the text (e.g. "coming soon"). */
	noteKey?: string;
}

/** A role the module uses; `adds` when the module is the reason the role exists. */
export interface ModuleRole {
	role: Role;
	/** i18n key of the role's name. */
	labelKey: string;
	adds?: boolean;
}

/**
 * A kind of participation the module offers: pool invitations carry it as `activityType`
 * (pool_invitation.activity_type), and the impact tracker will group outcomes by it.
 */
export interface ActivityType {
	type: string;
	/** i18n key of its name. */
	labelKey: string;
	/** Where the module offers it. */
	offeredTo: readonly ('pool' | 'impact')[];
}

/**
 * Route-walk expectations live beside the manifest in `<module>/route-walk.ts` (plain data, no
 * imports), because the Playwright walk cannot load the manifest's module graph (Vite globs).
 */
/** Who the route walk (tests/e2e/core-route-walk.spec.ts) signs in as: the demo accounts. */
export type RouteWalkWho =
	'admin' | 'staff' | 'pool' | 'council' | 'experts' | 'feedback' | 'moderator' | 'resident';
/**
 * What the route walk expects under a URL prefix (longest prefix wins): `token` for machine
 * endpoints no browser session may use. Written apart from `access` on purpose: the walk checks
 * the rules, so it must not read them.
 */
export type RouteWalkRule =
	'public' | 'signed-in' | 'token' | readonly ('anonymous' | RouteWalkWho)[];

/** Events the module publishes and the handlers it runs (core/events delivers them at least once). */
export interface ModuleEvents {
	publishes?: readonly EventName[];
	handlers?: readonly EventHandler[];
}

/** A kind of object the audit log names (and links to, where a page shows it). */
export interface AuditObject {
	/** `audit_log.entity_type`. */
	entityType: string;
	/** i18n key of its name ("Palaute", "Kutsu"). */
	labelKey: string;
	/** The staff page of one object, if any. */
	href?: (id: string) => string;
}

/** A count of work waiting for the user, for the staff home ("3 open feedback cases"). */
export interface WaitingWork {
	/** i18n key of the line; gets `{count}`. */
	key: string;
	count: number;
	/** Where the work is done. */
	href: string;
}

export interface ModuleManifest<D extends Kysely<CoreTables> = Kysely<CoreTables>> {
	/** Folder name under src/lib/server, prefix of its i18n keys, jobs and events. */
	name: string;
	roles?: readonly ModuleRole[];
	links?: readonly WorkspaceLink[];
	homeCard?: HomeCard;
	/** Periodic jobs, read once at start (so an environment switch can leave one out). */
	jobs?: () => readonly PeriodicJob<D>[];
	/** Demo data for an empty embedded database; runs after core's demo accounts and units. */
	seedDemo?: (db: D) => Promise<void>;
	/** Coarse per-area rules, merged with core's in the access policy (pages check finer). */
	access?: readonly AccessRule[];
	activities?: readonly ActivityType[];
	/** The module's settings schema (validated at start). */
	settings?: ZodObject;
	events?: ModuleEvents;
	/** The object types its audit entries are about, named and linked for the audit log. */
	auditObjects?: readonly AuditObject[];
	/**
	 * Work waiting for this user (only what their roles let them do), for the staff home. Counts
	 * only; zero counts may be left out.
	 */
	waitingWork?: (db: D, user: SessionUser) => Promise<readonly WaitingWork[]>;
}
