/** Days are Finnish calendar days (Europe/Helsinki); the time-zone work is core's. */
export { addDays, helsinkiDay } from '../core/time';

/** First day of the quarter the day is in. */
export function quarterStart(day: string): string {
	const [y, m] = day.split('-').map(Number);
	const qm = Math.floor((m - 1) / 3) * 3 + 1;
	return `${y}-${String(qm).padStart(2, '0')}-01`;
}

export function monthStart(day: string, monthsBack = 0): string {
	const [y, m] = day.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 - monthsBack, 1));
	return d.toISOString().slice(0, 10);
}
