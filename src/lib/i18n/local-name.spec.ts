import { describe, expect, it } from 'vitest';
import { localName, localNameLang } from '.';

describe('localNameLang', () => {
	it('marks the Finnish name that stands in for a missing Swedish or English one', () => {
		const unit = {
			name_fi: 'Ylöjärven terveysasema',
			name_sv: '',
			name_en: 'Ylöjärvi health centre'
		};
		expect([localName(unit, 'sv'), localNameLang(unit, 'sv')]).toEqual([
			'Ylöjärven terveysasema',
			'fi'
		]);
		expect([localName(unit, 'en'), localNameLang(unit, 'en')]).toEqual([
			'Ylöjärvi health centre',
			undefined
		]);
		expect(localNameLang(unit, 'fi')).toBeUndefined();
		expect(localNameLang({ name_fi: 'x', name_en: null }, 'en')).toBe('fi');
	});
});
