/**
 * Who may do what with a body. Its coordinators (council_coordinator holders listed on the body)
 * and admins run it and see its members' contact details and the request queue; every other
 * staff member sees its public information and their own requests.
 */
import { hasRole, STAFF_ROLES, type SessionUser } from '../core/auth/roles';
import type { CouncilsExecutor } from './councils.db';
import { isBodyCoordinator } from './councils.queries';

export const isAdmin = (user: SessionUser | null) =>
	!!user && user.roles.some((g) => g.role === 'admin');

/** May create bodies: council coordinators and admins. */
export const mayCreateBodies = (user: SessionUser | null) => hasRole(user, 'council_coordinator');

/** Any staff role may ask a body to consider a topic. */
export const isStaff = (user: SessionUser | null) =>
	!!user && user.roles.some((g) => STAFF_ROLES.includes(g.role));

export async function coordinates(
	db: CouncilsExecutor,
	user: SessionUser | null,
	bodyId: number
): Promise<boolean> {
	if (!user) return false;
	if (isAdmin(user)) return true;
	if (!hasRole(user, 'council_coordinator')) return false;
	return isBodyCoordinator(db, bodyId, user.id);
}

/** The HTTP status a route answers a refused change with (the route maps; no HTTP here). */
export function statusOf(error: string): 400 | 403 | 404 {
	return error === 'forbidden' ? 403 : error === 'not_found' ? 404 : 400;
}
