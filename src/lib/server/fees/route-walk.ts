/**
 * What the route walk (tests/e2e/core-route-walk.spec.ts) expects of the fees pages, by demo
 * account. Plain data, written apart from the access rules that it checks.
 */
import type { RouteWalkRule } from '../core/modules';

export const ROUTE_WALK: readonly (readonly [string, RouteWalkRule])[] = [
	['/admin/fees', ['admin']],
	['/account/fees', 'signed-in']
];
