import { describe, expect, it } from 'vitest';
import { HETU_MASK, PHONE_MASK, isValidHetu, maskPersonalData } from './mask';

describe('maskPersonalData', () => {
	it('validates the henkilötunnus check character', () => {
		expect(isValidHetu('131052-308T')).toBe(true);
		expect(isValidHetu('010101A123N')).toBe(true);
		expect(isValidHetu('131052-308X')).toBe(false);
	});

	it('masks valid identity codes in every century form', () => {
		expect(maskPersonalData('Olen 131052-308T ja hoito oli hyvää')).toBe(
			`Olen ${HETU_MASK} ja hoito oli hyvää`
		);
		expect(maskPersonalData('tunnus 010101a123n.')).toBe(`tunnus ${HETU_MASK}.`);
	});

	it('leaves look-alikes with a wrong check character alone', () => {
		expect(maskPersonalData('koodi 131052-308X')).toBe('koodi 131052-308X');
	});

	it('masks Finnish phone numbers with +358 and 0 prefixes', () => {
		expect(maskPersonalData('soita 040 123 4567 kiitos')).toBe(`soita ${PHONE_MASK} kiitos`);
		expect(maskPersonalData('numero +358 40 1234567')).toBe(`numero ${PHONE_MASK}`);
		expect(maskPersonalData('puh. 050-1234567')).toBe(`puh. ${PHONE_MASK}`);
		expect(maskPersonalData('tel 0401234567')).toBe(`tel ${PHONE_MASK}`);
	});

	it('keeps ordinary numbers and text', () => {
		const s = 'Odotin 45 minuuttia, huone 12, vuonna 2026.';
		expect(maskPersonalData(s)).toBe(s);
	});
});
