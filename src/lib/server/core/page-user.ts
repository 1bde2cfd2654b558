/** The part of the signed-in person the browser may see (no e-mail in page data it does not need). */
import { STAFF_ROLES, hasAnyRole, hasRole, type SessionUser } from './auth/roles';

export interface PageUser {
	displayName: string;
	isStaff: boolean;
	isAdmin: boolean;
}

export function toPageUser(user: SessionUser | null): PageUser | null {
	if (!user) return null;
	return {
		displayName: user.displayName,
		isStaff: hasAnyRole(user, STAFF_ROLES),
		isAdmin: hasRole(user, 'admin') && user.roles.some((r) => r.role === 'admin')
	};
}
