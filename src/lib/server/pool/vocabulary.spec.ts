import { describe, expect, it } from 'vitest';
import { parseOptions } from './question.service';
import { ageBandOf, birthYearsOf } from './pool.types';

describe('pool vocabulary', () => {
	it('maps birth years to age bands and back', () => {
		expect(ageBandOf(2000, 2026)).toBe('15-29');
		expect(ageBandOf(1950, 2026)).toBe('75+');
		expect(ageBandOf(2015, 2026)).toBeNull();
		expect(birthYearsOf('30-44', 2026)).toEqual([1982, 1996]);
	});
	it('parses background options and refuses malformed lines', () => {
		expect(parseOptions('s1;Asiantuntijuus;Expertis;Expertise\ns2;Saavutettavuus')).toEqual([
			{ value: 's1', fi: 'Asiantuntijuus', sv: 'Expertis', en: 'Expertise' },
			{ value: 's2', fi: 'Saavutettavuus', sv: 'Saavutettavuus', en: 'Saavutettavuus' }
		]);
		expect(parseOptions('bad value;x')).toBeNull();
		expect(parseOptions('')).toBeNull();
	});
});

describe('background answers from a form', () => {
	it('keeps only known options of active questions', async () => {
		const { cleanBackground } = await import('./question.service');
		const qs = [{ id: 3, options: [{ value: 's1', fi: 'a', sv: 'a', en: 'a' }] }];
		expect(cleanBackground(qs, { q_3: 's1', q_4: 's1', other: 'x' })).toEqual({ '3': 's1' });
		expect(cleanBackground(qs, { q_3: '<script>' })).toEqual({});
	});
});
