/**
 * Dates and times as people in the county read them: Europe/Helsinki whatever the server's or
 * the browser's own time zone (the server renders in UTC, so 23:59 Finnish time showed as 21:59).
 * Usable in pages and on the server alike.
 */
export const HELSINKI = 'Europe/Helsinki';

function tag(locale: string): string {
	return locale === 'en' ? 'en-GB' : locale === 'sv' ? 'sv-FI' : 'fi-FI';
}

export function formatDate(d: Date | string | number, locale: string): string {
	return new Date(d).toLocaleDateString(tag(locale), { timeZone: HELSINKI });
}

export function formatDateTime(d: Date | string | number, locale: string): string {
	return new Date(d).toLocaleString(tag(locale), { timeZone: HELSINKI });
}
