import { expect, it } from 'vitest';
import {
	addDays,
	endOfHelsinkiDay,
	helsinkiDay,
	helsinkiDayAfter,
	isHelsinkiDay,
	startOfHelsinkiDay
} from './helsinki';

it('ends a day at 23:59:59.999 Helsinki time, summer time included', () => {
	expect(endOfHelsinkiDay('2026-07-15').toISOString()).toBe('2026-07-15T20:59:59.999Z');
	expect(endOfHelsinkiDay('2026-01-15').toISOString()).toBe('2026-01-15T21:59:59.999Z');
	// The clocks go forward on 2026-03-29 and back on 2026-10-25.
	expect(startOfHelsinkiDay('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
	expect(endOfHelsinkiDay('2026-03-29').toISOString()).toBe('2026-03-29T20:59:59.999Z');
	expect(startOfHelsinkiDay('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
	expect(endOfHelsinkiDay('2026-10-25').toISOString()).toBe('2026-10-25T21:59:59.999Z');
});

it('reads an instant as a Helsinki calendar day', () => {
	expect(helsinkiDay(new Date('2026-07-15T20:59:59.999Z'))).toBe('2026-07-15');
	expect(helsinkiDay(new Date('2026-07-15T21:00:00Z'))).toBe('2026-07-16');
	expect(helsinkiDay(new Date('2026-12-31T22:00:00Z'))).toBe('2027-01-01');
	expect(helsinkiDayAfter(new Date('2026-12-31T22:30:00Z'), 14)).toBe('2027-01-15');
});

it('adds calendar days across month, year and summer-time changes', () => {
	expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
	expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
});

it('accepts only real calendar days', () => {
	expect(isHelsinkiDay('2028-02-29')).toBe(true);
	for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '', '2026-07-15T00:00'])
		expect(isHelsinkiDay(bad)).toBe(false);
	expect(() => endOfHelsinkiDay('2026-02-30')).toThrow(RangeError);
});
