import { describe, expect, it } from 'vitest';
import { HETU_MASK, PHONE_MASK, isValidHetu, maskPersonalData } from './mask';

/** A valid code for a date, serial and century sign (check character computed). */
function hetu(ddmmyy: string, sign: string, nnn: string): string {
	return `${ddmmyy}${sign}${nnn}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(ddmmyy + nnn) % 31]}`;
}

describe('isValidHetu', () => {
	it('validates the check character and the date part', () => {
		expect(isValidHetu('131052-308T')).toBe(true);
		expect(isValidHetu('010101A123N')).toBe(true);
		expect(isValidHetu('131052-308X')).toBe(false);
		expect(isValidHetu(hetu('321352', '-', '308'))).toBe(false);
	});
	it('accepts every century sign of the 2023 reform', () => {
		for (const sign of ['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F'])
			expect(isValidHetu(hetu('010203', sign, '456'))).toBe(true);
		expect(isValidHetu(hetu('010203', 'G', '456'))).toBe(false);
	});
});

describe('maskPersonalData', () => {
	it('masks valid identity codes in every century form', () => {
		expect(maskPersonalData('Olen 131052-308T ja hoito oli hyvää')).toBe(
			`Olen ${HETU_MASK} ja hoito oli hyvää`
		);
		expect(maskPersonalData('tunnus 010101a123n.')).toBe(`tunnus ${HETU_MASK}.`);
		for (const sign of ['Y', 'X', 'W', 'V', 'U', 'B', 'C', 'D', 'E', 'F', '+'])
			expect(maskPersonalData(`hetu ${hetu('131052', sign, '308')} ok`)).toBe(
				`hetu ${HETU_MASK} ok`
			);
	});

	it('masks the typed variants: dashes, a space for the sign, zero-width characters', () => {
		expect(maskPersonalData('hetu 131052–308T')).toBe(`hetu ${HETU_MASK}`); // en dash
		expect(maskPersonalData('hetu 131052—308T')).toBe(`hetu ${HETU_MASK}`); // em dash
		expect(maskPersonalData('hetu 131052−308T')).toBe(`hetu ${HETU_MASK}`); // minus sign
		expect(maskPersonalData('hetu 131052 308T')).toBe(`hetu ${HETU_MASK}`);
		expect(maskPersonalData('hetu 131052 - 308T')).toBe(`hetu ${HETU_MASK}`);
		expect(maskPersonalData('hetu 1310\u200b52-30\u200c8T')).toBe(`hetu ${HETU_MASK}`);
		expect(maskPersonalData('puh 040\u200b123\u20604567')).toBe(`puh ${PHONE_MASK}`);
	});

	it('leaves look-alikes with a wrong check character alone', () => {
		expect(maskPersonalData('koodi 131052-308X')).toBe('koodi 131052-308X');
		expect(maskPersonalData('koodi 131052 308X')).toBe('koodi 131052 308X');
		expect(maskPersonalData('tilaus 1310523080')).toBe('tilaus 1310523080');
	});

	it('masks Finnish phone numbers in the common ways of writing them', () => {
		expect(maskPersonalData('soita 040 123 4567 kiitos')).toBe(`soita ${PHONE_MASK} kiitos`);
		expect(maskPersonalData('numero +358 40 1234567')).toBe(`numero ${PHONE_MASK}`);
		expect(maskPersonalData('numero +358 (0)40 1234567')).toBe(`numero ${PHONE_MASK}`);
		expect(maskPersonalData('numero 00358401234567')).toBe(`numero ${PHONE_MASK}`);
		expect(maskPersonalData('puh. 050-1234567')).toBe(`puh. ${PHONE_MASK}`);
		expect(maskPersonalData('puh. 050–1234567')).toBe(`puh. ${PHONE_MASK}`);
		expect(maskPersonalData('tel 0401234567')).toBe(`tel ${PHONE_MASK}`);
		expect(maskPersonalData('tel 040.123.4567.')).toBe(`tel ${PHONE_MASK}.`);
		expect(maskPersonalData('tel 040/1234567')).toBe(`tel ${PHONE_MASK}`);
		expect(maskPersonalData('tel (03) 565 6000')).toBe(`tel ${PHONE_MASK}`);
	});

	it('keeps ordinary numbers, dates and text', () => {
		for (const s of [
			'Odotin 45 minuuttia, huone 12, vuonna 2026.',
			'Käynti 01.02.2026 ja 1.2.2026 sekä 01-02-2026.',
			'Asiakasnumero 12345 ja hinta 10,50 €.'
		])
			expect(maskPersonalData(s)).toBe(s);
	});
});
