import { describe, expect, it } from 'vitest';
import {
	amountCents,
	euros,
	firstOpenMonth,
	nextMonth,
	periodsOverlap,
	rateAt,
	type RatePeriod
} from './fees.types';
import { parseEuros } from './fees.schemas';

const RATES: RatePeriod[] = [
	{ id: 1, kind: 'travel_km', cents: 59, valid_from: '2025-01-01', valid_to: '2025-12-31' },
	{ id: 2, kind: 'travel_km', cents: 55, valid_from: '2026-01-01', valid_to: null },
	{
		id: 3,
		kind: 'meeting_fee_member',
		cents: 6000,
		valid_from: '2026-03-01',
		valid_to: '2026-06-30'
	}
];

describe('the rate in force on a day', () => {
	it('takes the period the day falls in, ends inclusive', () => {
		expect(rateAt(RATES, 'travel_km', '2025-12-31')?.cents).toBe(59);
		expect(rateAt(RATES, 'travel_km', '2026-01-01')?.cents).toBe(55);
		expect(rateAt(RATES, 'travel_km', '2031-05-05')?.cents).toBe(55);
		expect(rateAt(RATES, 'meeting_fee_member', '2026-03-01')?.id).toBe(3);
		expect(rateAt(RATES, 'meeting_fee_member', '2026-06-30')?.id).toBe(3);
	});
	it('gives none before the first period, after a closed one, or for another kind', () => {
		expect(rateAt(RATES, 'travel_km', '2024-12-31')).toBeNull();
		expect(rateAt(RATES, 'meeting_fee_member', '2026-07-01')).toBeNull();
		expect(rateAt(RATES, 'meeting_fee_member', '2026-02-28')).toBeNull();
		expect(rateAt(RATES, 'hourly', '2026-04-01')).toBeNull();
	});
	it('finds overlaps on a shared day, open ends included, and none for adjacent periods', () => {
		const y25 = { valid_from: '2025-01-01', valid_to: '2025-12-31' };
		expect(periodsOverlap(y25, { valid_from: '2026-01-01', valid_to: null })).toBe(false);
		expect(periodsOverlap(y25, { valid_from: '2025-12-31', valid_to: null })).toBe(true);
		expect(periodsOverlap({ valid_from: '2026-01-01', valid_to: null }, y25)).toBe(false);
		expect(periodsOverlap({ valid_from: '2020-01-01', valid_to: null }, y25)).toBe(true);
		expect(periodsOverlap({ valid_from: '2025-06-01', valid_to: '2025-06-01' }, y25)).toBe(true);
	});
});

describe('sums in cents', () => {
	it('multiplies in integers and rounds half up, negatives symmetric', () => {
		expect(amountCents(24, 55)).toBe(1320);
		expect(amountCents(12.5, 55)).toBe(688); // 687,5 → 688
		expect(amountCents(2.5, 2500)).toBe(6250);
		expect(amountCents(0.1, 59)).toBe(6); // 5,9
		expect(amountCents(-12.5, 55)).toBe(-688);
		// 0.29 * 100 is 28.999… in floating point: still 29 hundredths.
		expect(amountCents(0.29, 100)).toBe(29);
	});
	it('writes euros with a decimal comma and reads them back', () => {
		expect(euros(5950)).toBe('59,50');
		expect(euros(-600)).toBe('-6,00');
		expect(euros(5)).toBe('0,05');
		expect(parseEuros('0,55')).toBe(55);
		expect(parseEuros('60')).toBe(6000);
		expect(parseEuros('90.5')).toBe(9050);
		expect(parseEuros('-1')).toBeNull();
		expect(parseEuros('1,234')).toBeNull();
	});
	it('moves rows of a closed month to the next open one, over a year end', () => {
		expect(nextMonth('2026-12')).toBe('2027-01');
		expect(firstOpenMonth('2026-11', new Set(['2026-11', '2026-12']))).toBe('2027-01');
		expect(firstOpenMonth('2026-10', new Set(['2026-11']))).toBe('2026-10');
	});
});
