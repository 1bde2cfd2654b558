/** Picks the user's language: explicit cookie, then the browser's Accept-Language, then Finnish. */
import { DEFAULT_LOCALE, isLocale, type Locale } from '$lib/i18n';

export const LOCALE_COOKIE = 'lang';

export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	if (acceptLanguage) {
		const ranked = acceptLanguage
			.split(',')
			.map((part) => {
				const [tag, q] = part.trim().split(';q=');
				return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
			})
			.sort((a, b) => b.q - a.q);
		for (const { lang } of ranked) if (isLocale(lang)) return lang;
	}
	return DEFAULT_LOCALE;
}
