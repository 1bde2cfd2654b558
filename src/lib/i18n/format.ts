/**
 * Numbers and dates in the page's language, through `Intl` only (issue 11: "+22,7", "32,6 %",
 * "2.11.–1.12.2026", "marraskuu 2026"). Finnish and Swedish use their Finnish regional forms
 * (fi-FI, sv-FI); English uses en-GB (day before month, as in Finland).
 *
 * Two kinds of date: a calendar day given as `YYYY-MM-DD` (already a Helsinki day: formatted as
 * is, never shifted by a time zone) and an instant (`Date` or ISO time), shown in
 * Europe/Helsinki time wherever the server or browser runs.
 */
import type { Locale } from './index';

const ZONE = 'Europe/Helsinki';

export function intlLocale(locale: Locale): string {
	return locale === 'en' ? 'en-GB' : `${locale}-FI`;
}

export interface Formatter {
	/** 1 234,5 */
	number(value: number, digits?: number): string;
	/** +22,7 / −4 / 0: for NPS and gaps, where the sign carries meaning. */
	signed(value: number, digits?: number): string;
	/** A share given as a fraction (0.326 → 32,6 %). */
	percent(fraction: number, digits?: number): string;
	/** A calendar day `YYYY-MM-DD` → 2.11.2026 */
	day(day: string): string;
	/** A calendar day without the year, for chart axes → 2.11. */
	dayShort(day: string): string;
	/** Two calendar days → 2.11.–1.12.2026 */
	dayRange(from: string, to: string): string;
	/** A month `YYYY-MM` → marraskuu 2026 */
	month(month: string): string;
	/** A short month for chart axes `YYYY-MM` → marras 26 */
	monthShort(month: string): string;
	/** An instant → 2.11.2026 */
	date(instant: Date | string): string;
	/** An instant → 2.11.2026 klo 14.05 (with `seconds`: 14.05.09, for logs) */
	dateTime(instant: Date | string, seconds?: boolean): string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `n|${tag}|${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.NumberFormat | undefined;
	if (!f) cache.set(key, (f = new Intl.NumberFormat(tag, options)));
	return f;
}
function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d|${tag}|${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!f) cache.set(key, (f = new Intl.DateTimeFormat(tag, options)));
	return f;
}

/** Noon UTC of a calendar day: formatted in UTC it is that day everywhere. */
function dayDate(day: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, (m || 1) - 1, d || 1, 12));
}
const instant = (v: Date | string) => (v instanceof Date ? v : new Date(v));

const formatters = new Map<Locale, Formatter>();

/** The formatter of a locale, made once: pages read `i18n.fmt` in every row they render. */
export function formatter(locale: Locale): Formatter {
	let f = formatters.get(locale);
	if (!f) formatters.set(locale, (f = makeFormatter(locale)));
	return f;
}

function makeFormatter(locale: Locale): Formatter {
	const tag = intlLocale(locale);
	const fixed = (digits: number) => ({
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
	const dayFmt = dateFormat(tag, {
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		timeZone: 'UTC'
	});
	return {
		number: (v, digits = 0) => numberFormat(tag, fixed(digits)).format(v),
		signed: (v, digits = 0) =>
			numberFormat(tag, { ...fixed(digits), signDisplay: 'exceptZero' }).format(v),
		percent: (v, digits = 0) => numberFormat(tag, { style: 'percent', ...fixed(digits) }).format(v),
		day: (d) => dayFmt.format(dayDate(d)),
		dayShort: (d) =>
			dateFormat(tag, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(dayDate(d)),
		dayRange: (a, b) => dayFmt.formatRange(dayDate(a), dayDate(b)),
		month: (m) =>
			dateFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayDate(m)),
		monthShort: (m) =>
			dateFormat(tag, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(dayDate(m)),
		date: (v) =>
			dateFormat(tag, {
				day: 'numeric',
				month: 'numeric',
				year: 'numeric',
				timeZone: ZONE
			}).format(instant(v)),
		dateTime: (v, seconds = false) =>
			dateFormat(tag, {
				dateStyle: 'short',
				timeStyle: seconds ? 'medium' : 'short',
				timeZone: ZONE
			}).format(instant(v))
	};
}
