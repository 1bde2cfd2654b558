import type { LayoutServerLoad } from './$types';
import { enforceArea } from '$lib/server/core/auth/area-guard';

export const load: LayoutServerLoad = (event) => {
	enforceArea(event);
};
