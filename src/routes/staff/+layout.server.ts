import type { LayoutServerLoad } from './$types';
import { enforceArea } from '$lib/server/core/auth/area-guard';
import { access } from '$lib/server/modules';

export const load: LayoutServerLoad = (event) => {
	enforceArea(event, access);
};
