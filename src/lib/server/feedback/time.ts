/** Days are Finnish calendar days (Europe/Helsinki), as residents and staff read them. */
const fmt = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Helsinki',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** YYYY-MM-DD of the instant in Helsinki. */
export function helsinkiDay(d: Date): string {
	return fmt.format(d);
}

export function addDays(day: string, n: number): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

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
