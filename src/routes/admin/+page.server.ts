import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/core/auth/guard';
import { linksFor } from '$lib/server/modules';

export const load: PageServerLoad = (event) => ({
	links: linksFor('admin', requireRole(event, 'admin'))
});
