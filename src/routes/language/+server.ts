/** Language switch: a POST from the header form; remembered in a cookie and on the account. */
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { LOCALE_COOKIE } from '$lib/server/core/i18n/negotiate';
import { runtime } from '$lib/server/runtime';
import { safeRedirectTarget } from '$lib/server/core/http/safe-redirect';
import { setUserLocale } from '$lib/server/core/auth/account.service';
import { readFormOrRefusal } from '$lib/server/core/http/form-body';

export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await readFormOrRefusal(request, locals.locale);
	if (form instanceof Response) return form;
	const lang = form.get('lang');
	const target = form.get('redirectTo');
	if (isLocale(lang)) {
		cookies.set(LOCALE_COOKIE, lang, {
			path: '/',
			maxAge: 365 * 24 * 3600,
			sameSite: 'lax',
			httpOnly: false
		});
		if (locals.user) {
			const { db } = await runtime();
			await setUserLocale(db, locals.user.id, lang);
		}
	}
	// Only same-site paths: never an open redirect.
	redirect(303, safeRedirectTarget(typeof target === 'string' ? target : null));
};
