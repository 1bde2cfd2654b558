/** Roles and what a person holds. Staff roles may be scoped to a service line or a unit. */
export const ROLES = [
	'resident',
	'staff',
	'pool_coordinator',
	'council_coordinator',
	'expert_coordinator',
	'feedback_handler',
	'conversation_moderator',
	'impact_coordinator',
	'admin'
] as const;
export type Role = (typeof ROLES)[number];

/** Every role but resident is a staff role: it opens the staff area. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident');

export function isRole(v: unknown): v is Role {
	return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export interface RoleGrant {
	role: Role;
	serviceLineId: number | null;
	unitId: number | null;
}

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	locale: string;
	roles: RoleGrant[];
}

export interface Scope {
	serviceLineId?: number | null;
	unitId?: number | null;
	/** The service line a unit belongs to, so a line-scoped grant covers its units. */
	unitServiceLineId?: number | null;
}

/**
 * True when the user holds the role for the scope. An unscoped grant covers everything;
 * a service-line grant covers the line and its units; a unit grant covers that unit only.
 * The admin role holds every role.
 */
export function hasRole(user: SessionUser | null, role: Role, scope?: Scope): boolean {
	if (!user) return false;
	return user.roles.some((g) => {
		if (g.role !== role && g.role !== 'admin') return false;
		if (!scope || (g.serviceLineId === null && g.unitId === null)) return true;
		if (g.unitId !== null) return scope.unitId === g.unitId;
		return scope.serviceLineId === g.serviceLineId || scope.unitServiceLineId === g.serviceLineId;
	});
}

export function hasAnyRole(user: SessionUser | null, roles: readonly Role[]): boolean {
	return roles.some((r) => hasRole(user, r));
}
