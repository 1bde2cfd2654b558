import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/core/auth/guard';
import { adminLinks } from '$lib/server/workspace-links';

export const load: PageServerLoad = (event) => ({ links: adminLinks(requireRole(event, 'admin')) });
