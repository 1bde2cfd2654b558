/**
 * Picks the user's language: the choice remembered in a cookie, else Finnish. The browser's
 * Accept-Language is not used: most Finnish residents' browsers say English, and the county's
 * services open in Finnish with Swedish and English one click away.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from '$lib/i18n';

export const LOCALE_COOKIE = 'lang';

export function negotiateLocale(cookie: string | undefined): Locale {
	return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}
