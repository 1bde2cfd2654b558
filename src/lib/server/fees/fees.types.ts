/** The kinds of rate on the schedule and of fee row, and the pure rules on them. */

/** What the schedule prices: a rate per meeting (chair, member), per hour, per km. */
export const RATE_KINDS = [
	'meeting_fee_chair',
	'meeting_fee_member',
	'hourly',
	'travel_km'
] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** A fee row's kind: the rated ones, and actual costs entered per event (ticket, other). */
export const FEE_KINDS = [...RATE_KINDS, 'travel_ticket', 'other'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

/** Actual costs: the caller gives the unit amount (a ticket's price); no schedule rate applies. */
export const ACTUAL_COST_KINDS: readonly FeeKind[] = ['travel_ticket', 'other'];

export const isRateKind = (k: string): k is RateKind =>
	(RATE_KINDS as readonly string[]).includes(k);

export interface RatePeriod {
	id: number;
	kind: RateKind;
	cents: number;
	valid_from: string;
	/** Inclusive; null = open-ended. */
	valid_to: string | null;
}

/** The rate in force on `day` ('YYYY-MM-DD'), or null when none is. */
export function rateAt<R extends RatePeriod>(
	rates: readonly R[],
	kind: RateKind,
	day: string
): R | null {
	return (
		rates.find(
			(r) => r.kind === kind && r.valid_from <= day && (r.valid_to === null || day <= r.valid_to)
		) ?? null
	);
}

/** Whether two validity periods share a day (ends inclusive, null = open). */
export function periodsOverlap(
	a: { valid_from: string; valid_to: string | null },
	b: { valid_from: string; valid_to: string | null }
): boolean {
	const aEndsBeforeB = a.valid_to !== null && a.valid_to < b.valid_from;
	const bEndsBeforeA = b.valid_to !== null && b.valid_to < a.valid_from;
	return !aEndsBeforeB && !bEndsBeforeA;
}

/** Quantity (two decimals) × unit cents, rounded half up to whole cents, in integers only. */
export function amountCents(quantity: number, unitCents: number): number {
	const hundredths = Math.round(quantity * 100);
	const raw = hundredths * unitCents;
	const sign = raw < 0 ? -1 : 1;
	return sign * Math.floor((Math.abs(raw) + 50) / 100);
}

/** 'YYYY-MM' of a day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The first month from `month` on that is not closed. */
export function firstOpenMonth(month: string, closed: ReadonlySet<string>): string {
	let m = month;
	while (closed.has(m)) m = nextMonth(m);
	return m;
}

/** Cents as euros with a decimal comma for spreadsheets and payroll: 5950 → "59,50", -600 → "-6,00". */
export function euros(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
