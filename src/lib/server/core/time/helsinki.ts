/**
 * Calendar days as residents and staff read them: Europe/Helsinki, with its summer time. Every
 * "end of that day", period bound and date shown goes through here, so no code hard-codes an
 * offset (+02:00 is right only in winter; in summer a deadline would end an hour late).
 */
import { tz, TZDate } from '@date-fns/tz';
import { formatter } from '$lib/i18n/format';
import { isLocale } from '$lib/i18n';

const HELSINKI = 'Europe/Helsinki';
import {
	addDays as addCalendarDays,
	endOfDay,
	format,
	isValid,
	parseISO,
	startOfDay
} from 'date-fns';

export { HELSINKI };
const inHelsinki = tz(HELSINKI);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day as a Helsinki midnight, or undefined for anything that is not a real YYYY-MM-DD. */
function parseDay(day: string): TZDate | undefined {
	if (!DAY.test(day)) return undefined;
	const d = parseISO(day, { in: inHelsinki });
	// parseISO accepts 2026-02-30 as invalid, and formatting back catches any roll-over.
	return isValid(d) && format(d, 'yyyy-MM-dd') === day ? d : undefined;
}

export function isHelsinkiDay(day: string): boolean {
	return parseDay(day) !== undefined;
}

/** YYYY-MM-DD of the instant in Helsinki. */
export function helsinkiDay(d: Date | number): string {
	return format(new TZDate(+d, HELSINKI), 'yyyy-MM-dd');
}

function mustParse(day: string): TZDate {
	const d = parseDay(day);
	if (!d) throw new RangeError(`not a calendar day: ${day}`);
	return d;
}

/** The first instant of the Helsinki day. */
export function startOfHelsinkiDay(day: string): Date {
	return new Date(startOfDay(mustParse(day), { in: inHelsinki }).getTime());
}

/** The last millisecond of the Helsinki day (23:59:59.999 local time). */
export function endOfHelsinkiDay(day: string): Date {
	return new Date(endOfDay(mustParse(day), { in: inHelsinki }).getTime());
}

/** A calendar day n days after (or before) the given one. */
export function addDays(day: string, n: number): string {
	return format(addCalendarDays(mustParse(day), n, { in: inHelsinki }), 'yyyy-MM-dd');
}

/** The Helsinki day n days after the instant, e.g. today + 14 for a default deadline. */
export function helsinkiDayAfter(d: Date | number, n: number): string {
	return addDays(helsinkiDay(d), n);
}

/** A date for people to read, in their language, as the Helsinki calendar has it. */
export const helsinkiDateText = (d: Date, locale: string): string =>
	formatter(isLocale(locale) ? locale : 'fi').date(d);
