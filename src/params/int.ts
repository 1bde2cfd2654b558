/**
 * `[id=int]`: a PostgreSQL `integer` row id (1 … 2147483647). Anything else matches no route, so
 * it is a 404 before any load runs, and no query ever sees an id past the integer range.
 */
import type { ParamMatcher } from '@sveltejs/kit';
import { parseInt4Id } from '$lib/ids';

export const match = ((param: string): param is string =>
	parseInt4Id(param) !== null) satisfies ParamMatcher;
