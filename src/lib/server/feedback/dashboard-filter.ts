/** Reads the dashboard/export filter from the query string (defaults: the last 90 days). */
import { isRealDate } from '$lib/validation';
import { addDays, helsinkiDay } from './time';

export function readFilter(url: URL, now = new Date()) {
	const today = helsinkiDay(now);
	const from = url.searchParams.get('from') ?? '';
	const to = url.searchParams.get('to') ?? '';
	const int = (k: string) => {
		const v = url.searchParams.get(k);
		return v && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
	};
	// `scope=unit-5` / `scope=line-3` from the picker, or `unit=` / `line=` in links.
	const m = /^(unit|line)-(\d{1,9})$/.exec(url.searchParams.get('scope') ?? '');
	return {
		unitId: m?.[1] === 'unit' ? Number(m[2]) : int('unit'),
		lineId: m?.[1] === 'line' ? Number(m[2]) : int('line'),
		from: isRealDate(from) ? from : addDays(today, -89),
		to: isRealDate(to) ? to : today,
		// A date given but not on the calendar (2026-02-31): refused before any query or stream.
		invalid: (from && !isRealDate(from)) || (to && !isRealDate(to)) ? 'validation.date' : null
	};
}
