/**
 * What the route walk (tests/e2e/core-route-walk.spec.ts) expects of the tracker's pages, by demo
 * account. Plain data, written apart from the manifest's access rules that it checks. Its staff
 * pages keep core's /staff rule (every staff role: any of them can own a finding); the pages
 * narrow what each may change. A milestone's edit page is for coordinators and admins only (no
 * demo account but the admin is an impact coordinator).
 */
import type { RouteWalkRule } from '../core/modules';

export const ROUTE_WALK: readonly (readonly [string, RouteWalkRule])[] = [
	['/sanoitte-teimme', 'public'],
	['/staff/impact/decisions/milestones', ['admin']]
];
