/**
 * Coarse access rules per URL area, enforced in hooks.server.ts for every request (pages,
 * actions and endpoints) and by each area's +layout.server.ts for page loads. Pages add finer
 * checks (a role scope, ownership) with guard.ts. Core has the areas; each module manifest adds
 * the rules of its own pages, and the composition root merges them (src/lib/server/modules.ts).
 * The route-walk test lists every route and checks it against expectations written apart.
 */
import { STAFF_ROLES, hasAnyRole, type Role, type SessionUser } from './roles';

export type Requirement =
	{ kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

/** Paths are route ids with the (group) segments removed. */
export interface AccessRule {
	prefix: string;
	requirement: Requirement;
}

export const CORE_ACCESS_RULES: readonly AccessRule[] = [
	{ prefix: '/admin', requirement: { kind: 'roles', roles: ['admin'] } },
	{ prefix: '/staff', requirement: { kind: 'roles', roles: STAFF_ROLES } },
	{ prefix: '/account', requirement: { kind: 'signed-in' } },
	{ prefix: '/', requirement: { kind: 'public' } }
];

export function stripGroups(routeId: string): string {
	return routeId.replace(/\/\([^)]+\)/g, '') || '/';
}

export interface AccessPolicy {
	/** Most specific prefix first. */
	rules: readonly AccessRule[];
	requirementFor(routeId: string): Requirement;
}

/**
 * Core's rules and the modules' in one table, longest prefix first, so a module's
 * `/staff/pool` rule wins over core's `/staff`. Two rules for one prefix are a mistake.
 */
export function accessPolicy(moduleRules: readonly AccessRule[] = []): AccessPolicy {
	const all = [...CORE_ACCESS_RULES, ...moduleRules];
	const seen = new Set<string>();
	for (const r of all) {
		if (seen.has(r.prefix)) throw new Error(`two access rules for ${r.prefix}`);
		seen.add(r.prefix);
	}
	const rules = all.sort((a, b) => b.prefix.length - a.prefix.length);
	return {
		rules,
		requirementFor(routeId) {
			const path = stripGroups(routeId);
			for (const rule of rules) {
				if (
					path === rule.prefix ||
					path.startsWith(rule.prefix.endsWith('/') ? rule.prefix : `${rule.prefix}/`)
				)
					return rule.requirement;
			}
			return { kind: 'public' };
		}
	};
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

export function decide(req: Requirement, user: SessionUser | null): AccessDecision {
	if (req.kind === 'public') return 'allow';
	if (!user) return 'sign-in';
	if (req.kind === 'signed-in') return 'allow';
	return hasAnyRole(user, req.roles) ? 'allow' : 'forbidden';
}
