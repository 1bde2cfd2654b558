/**
 * The links each workspace index page (/staff, /admin, /account) shows: core's own and those the
 * module manifests add, each only to the people whose roles open it (the pages check again).
 */
import { hasRole, type SessionUser } from '../auth/roles';
import type { HomeCard, WorkspaceArea, WorkspaceLink } from './manifest';

/** Core's own admin pages. */
export const CORE_LINKS: readonly WorkspaceLink[] = [
	{ area: 'admin', href: '/admin/people', key: 'core.admin.people', roles: ['admin'] },
	{ area: 'admin', href: '/admin/audit', key: 'core.admin.audit', roles: ['admin'] }
];

/** Core's own home-page cards: none now (the impact module's card replaced "coming soon"). */
export const CORE_HOME_CARDS: readonly HomeCard[] = [];

function isUnitStaff(user: SessionUser | null): boolean {
	return !!user?.roles.some(
		(g) => g.role === 'staff' && (g.unitId !== null || g.serviceLineId !== null)
	);
}

/** The links of one area that `user` may open, in the order given. */
export function workspaceLinks(
	links: readonly WorkspaceLink[],
	area: WorkspaceArea,
	user: SessionUser | null
): { href: string; key: string }[] {
	return links
		.filter((l) => l.area === area)
		.filter(
			(l) => !l.roles || l.roles.some((r) => hasRole(user, r)) || (l.unitStaff && isUnitStaff(user))
		)
		.map(({ href, key }) => ({ href, key }));
}
