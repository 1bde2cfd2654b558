import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { STAFF_ROLES } from '$lib/server/core/auth/roles';
import { describeRoles } from '$lib/server/core/auth/role-labels';
import { translate } from '$lib/server/core/i18n/translate';
import { linksFor, waitingWorkFor } from '$lib/server/modules';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, [...STAFF_ROLES]);
	const { db } = await runtime();
	const locale = event.locals.locale;
	return {
		roles: await describeRoles(
			db,
			user.roles.filter((r) => r.role !== 'resident')
		),
		links: linksFor('staff', user),
		// Each module's own counts, in words (the keys are the modules', not this page's).
		waiting: (await waitingWorkFor(db, user)).map((w) => ({
			href: w.href,
			count: w.count,
			text: translate(locale, w.key, { count: w.count })
		}))
	};
};
