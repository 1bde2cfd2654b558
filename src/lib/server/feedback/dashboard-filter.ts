/** Reads the dashboard/export filter from the query string (defaults: the last 90 days). */
import { addDays, helsinkiDay, isHelsinkiDay } from '../core/time';

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
		// Only real calendar days: 2026-02-30 falls back to the default instead of failing later,
		// and the route refuses it with a message before any query or stream starts.
		from: isHelsinkiDay(from) ? from : addDays(today, -89),
		to: isHelsinkiDay(to) ? to : today,
		invalid: (from && !isHelsinkiDay(from)) || (to && !isHelsinkiDay(to)) ? 'validation.date' : null
	};
}
