/**
 * What the route walk (tests/e2e/core-route-walk.spec.ts) expects of the panels' pages, by demo
 * account. Plain data, written apart from the manifest's access rules that it checks.
 */
import type { RouteWalkRule } from '../core/modules';

export const ROUTE_WALK: readonly (readonly [string, RouteWalkRule])[] = [
	['/staff/panels', ['admin', 'pool']],
	['/panels', 'public'],
	['/account/panels', 'signed-in']
];
