import type { LayoutServerLoad } from './$types';
import { toPageUser } from '$lib/server/core/page-user';
import { config } from '$lib/server/core/config';
import { pageBrand } from '$lib/server/core/brand';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: toPageUser(locals.user),
	devMail: config().devMailPage,
	brand: pageBrand(locals.locale)
});
