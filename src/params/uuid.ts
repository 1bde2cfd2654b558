/** `[id=uuid]`: a malformed id matches no route, so it is a 404 before any hook rule or load. */
import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/ids';

export const match = ((param: string): param is string => isUuid(param)) satisfies ParamMatcher;
