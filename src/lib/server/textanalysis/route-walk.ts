/** What the route walk expects of the text-analysis pages, by demo account (plain data). */
import type { RouteWalkRule } from '../core/modules';

export const ROUTE_WALK: readonly (readonly [string, RouteWalkRule])[] = [
	['/staff/text-analysis', ['admin', 'feedback']],
	['/admin/text-analysis', ['admin']]
];
