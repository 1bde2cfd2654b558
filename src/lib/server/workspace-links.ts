/**
 * The module areas each index page links to, with the roles that open them. The staff, admin
 * and account pages show only the links the person may use (the pages check again).
 */
import { hasRole, type Role, type SessionUser } from './core/auth/roles';

export interface WorkspaceLink {
	href: string;
	/** i18n key of the link text and of its one-line description (`<key>Text`). */
	key: string;
	/** Any of these opens it; none = every signed-in person. */
	roles?: Role[];
	/** Also opens for unit staff (a `staff` grant scoped to a unit or a service line). */
	unitStaff?: boolean;
}

function isUnitStaff(user: SessionUser | null): boolean {
	return !!user?.roles.some(
		(g) => g.role === 'staff' && (g.unitId !== null || g.serviceLineId !== null)
	);
}

const STAFF_LINKS: WorkspaceLink[] = [
	{ href: '/staff/pool', key: 'core.workspace.pool', roles: ['pool_coordinator'] },
	{
		href: '/staff/feedback',
		key: 'core.workspace.feedback',
		roles: ['feedback_handler'],
		unitStaff: true
	},
	{
		href: '/staff/conversations',
		key: 'core.workspace.conversations',
		roles: ['conversation_moderator']
	}
];

const ADMIN_LINKS: WorkspaceLink[] = [
	{ href: '/admin/people', key: 'core.admin.people', roles: ['admin'] },
	{ href: '/admin/audit', key: 'core.admin.audit', roles: ['admin'] },
	{ href: '/admin/pool', key: 'core.workspace.poolAdmin', roles: ['admin'] },
	{ href: '/admin/feedback', key: 'core.workspace.feedbackAdmin', roles: ['admin'] }
];

const ACCOUNT_LINKS: WorkspaceLink[] = [
	{ href: '/account/pool', key: 'core.workspace.accountPool' }
];

function visible(links: WorkspaceLink[], user: SessionUser | null) {
	return links
		.filter(
			(l) => !l.roles || l.roles.some((r) => hasRole(user, r)) || (l.unitStaff && isUnitStaff(user))
		)
		.map(({ href, key }) => ({ href, key }));
}

export const staffLinks = (user: SessionUser | null) => visible(STAFF_LINKS, user);
export const adminLinks = (user: SessionUser | null) => visible(ADMIN_LINKS, user);
export const accountLinks = (user: SessionUser | null) => visible(ACCOUNT_LINKS, user);
