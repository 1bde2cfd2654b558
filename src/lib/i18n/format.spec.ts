import { describe, expect, it } from 'vitest';
import { formatter } from './format';

describe('formatter', () => {
	it('writes Finnish numbers, signs, shares and dates the Finnish way', () => {
		const f = formatter('fi');
		expect(f.signed(22.7, 1)).toBe('+22,7');
		expect(f.signed(-4)).toBe('−4');
		expect(f.signed(0)).toBe('0');
		expect(f.percent(0.326, 1)).toBe('32,6\u00a0%');
		expect(f.number(1234.5, 1)).toBe('1\u00a0234,5');
		expect(f.day('2026-11-02')).toBe('2.11.2026');
		expect(f.dayRange('2026-11-02', '2026-12-01')).toBe('2.11.–1.12.2026');
		expect(f.month('2026-11')).toBe('marraskuu 2026');
		expect(f.dayShort('2026-11-02')).toBe('2.11.');
	});

	it('writes Swedish (Finland) and English forms', () => {
		expect(formatter('sv').percent(0.326, 1)).toBe('32,6\u00a0%');
		expect(formatter('sv').month('2026-11')).toBe('november 2026');
		expect(formatter('en').signed(22.7, 1)).toBe('+22.7');
		expect(formatter('en').day('2026-11-02')).toBe('02/11/2026');
	});

	it('shows instants in Helsinki time and calendar days without shifting them', () => {
		const f = formatter('fi');
		// 21:30 UTC on 15 July is already 16 July in Helsinki (UTC+3 in summer).
		expect(f.date('2026-07-15T21:30:00Z')).toBe('16.7.2026');
		expect(f.date(new Date('2026-01-15T21:30:00Z'))).toBe('15.1.2026');
		// A calendar day stays that day whatever the process time zone.
		expect(f.day('2026-03-29')).toBe('29.3.2026');
	});
});
