/**
 * What the route walk (tests/e2e/core-route-walk.spec.ts) expects of the experts pages, by demo
 * account. Plain data, written apart from the manifest's access rules that it checks.
 */
import type { RouteWalkRule } from '../core/modules';

export const ROUTE_WALK: readonly (readonly [string, RouteWalkRule])[] = [
	['/staff/experts', ['admin', 'experts']],
	[
		'/staff/experts/requests',
		['admin', 'staff', 'pool', 'council', 'experts', 'feedback', 'moderator']
	],
	['/account/experts', 'signed-in'],
	['/experts', 'public']
];
