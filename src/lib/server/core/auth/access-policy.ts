/**
 * Coarse access rules per URL area, enforced in hooks.server.ts for every request (pages,
 * actions and endpoints). Pages add finer checks (a role scope, ownership) with guard.ts.
 * The route-walk test lists every route and checks it against this table.
 */
import { STAFF_ROLES, hasAnyRole, type Role, type SessionUser } from './roles';

export type Requirement =
	{ kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

/** Most specific prefix first. Paths are route ids with the (group) segments removed. */
export const ACCESS_RULES: { prefix: string; requirement: Requirement }[] = [
	{ prefix: '/admin', requirement: { kind: 'roles', roles: ['admin'] } },
	{ prefix: '/staff', requirement: { kind: 'roles', roles: STAFF_ROLES } },
	{ prefix: '/account', requirement: { kind: 'signed-in' } },
	{ prefix: '/', requirement: { kind: 'public' } }
];

export function stripGroups(routeId: string): string {
	return routeId.replace(/\/\([^)]+\)/g, '') || '/';
}

export function requirementFor(routeId: string): Requirement {
	const path = stripGroups(routeId);
	for (const rule of ACCESS_RULES) {
		if (
			path === rule.prefix ||
			path.startsWith(rule.prefix.endsWith('/') ? rule.prefix : `${rule.prefix}/`)
		)
			return rule.requirement;
	}
	return { kind: 'public' };
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

export function decide(req: Requirement, user: SessionUser | null): AccessDecision {
	if (req.kind === 'public') return 'allow';
	if (!user) return 'sign-in';
	if (req.kind === 'signed-in') return 'allow';
	return hasAnyRole(user, req.roles) ? 'allow' : 'forbidden';
}
