/**
 * What the route walk (tests/e2e/core-route-walk.spec.ts) expects of the feedback pages, by
 * demo account. Plain data, written apart from the manifest's access rules that it checks.
 */
import type { RouteWalkRule } from '../core/modules';

export const ROUTE_WALK: readonly (readonly [string, RouteWalkRule])[] = [
	// Unit staff read their own unit's dashboard; cases, export and import are the handlers'.
	['/staff/feedback', ['admin', 'feedback', 'staff']],
	['/staff/feedback/cases', ['admin', 'feedback']],
	['/staff/feedback/export', ['admin', 'feedback']],
	['/staff/feedback/import', ['admin', 'feedback']],
	['/staff/feedback/themes', ['admin', 'feedback']],
	['/admin/feedback', ['admin']],
	['/api/feedback/sms', 'token'],
	// SMS surveys after a visit (issue 17): the figures and CSV drop are the handlers'.
	['/staff/feedback/sms', ['admin', 'feedback']],
	['/api/feedback/visits', 'token']
];
