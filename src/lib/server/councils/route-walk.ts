/**
 * What the route walk (tests/e2e/core-route-walk.spec.ts) expects of the councils' pages, by demo
 * account. Plain data, written apart from the manifest's access rules that it checks. Every staff
 * role opens /staff/councils (to ask a body, and see its public information); the pages narrow
 * what each may see and change to the body's coordinators and admins.
 */
import type { RouteWalkRule } from '../core/modules';

export const ROUTE_WALK: readonly (readonly [string, RouteWalkRule])[] = [
	['/councils', 'public'],
	['/account/councils', 'signed-in'],
	['/staff/councils', ['admin', 'staff', 'pool', 'council', 'experts', 'feedback', 'moderator']]
];
