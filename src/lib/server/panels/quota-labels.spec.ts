import { describe, expect, it } from 'vitest';
import { categoryLabel, labelQuotaRows, valueLabel } from './quota-labels';

describe('quota labels', () => {
	it('names the pool categories and their values in the reader’s language', () => {
		expect(categoryLabel('fi', 'gender')).toBe('Sukupuoli');
		expect(categoryLabel('fi', 'municipality')).toBe('Kunta');
		expect(valueLabel('fi', 'gender', 'female')).toBe('Nainen');
		expect(valueLabel('fi', 'municipality', '211')).toBe('Kangasala');
		expect(valueLabel('sv', 'municipality', '108')).toBe('Tavastkyro');
		expect(valueLabel('fi', 'language', 'sv')).toBe('ruotsi');
	});

	it('shows a code it has no name for as it is', () => {
		expect(categoryLabel('fi', 'q12')).toBe('q12');
		expect(valueLabel('fi', 'age_band', '15-29')).toBe('15-29');
		expect(valueLabel('fi', 'municipality', '999')).toBe('999');
		expect(valueLabel('en', 'gender', 'unheard-of')).toBe('unheard-of');
	});

	it('keeps every field of a row and adds the names', () => {
		const [row] = labelQuotaRows('en', [{ category: 'gender', value: 'male', min: 1, max: 2 }]);
		expect(row).toEqual({
			category: 'gender',
			value: 'male',
			min: 1,
			max: 2,
			categoryLabel: 'Gender',
			valueLabel: 'Male'
		});
	});

	it('names a pool question by its text and its answers by theirs, in the reader’s language', () => {
		const questions = new Map([
			[
				'q7',
				{
					label: {
						fi: 'Käytätkö digipalveluja?',
						sv: 'Använder du digitala tjänster?',
						en: 'Do you use digital services?'
					},
					options: new Map([['often', { fi: 'Usein', sv: 'Ofta', en: 'Often' }]])
				}
			]
		]);
		expect(categoryLabel('sv', 'q7', questions)).toBe('Använder du digitala tjänster?');
		expect(valueLabel('fi', 'q7', 'often', questions)).toBe('Usein');
		expect(valueLabel('fi', 'q7', 'never', questions)).toBe('never'); // an answer since removed
		expect(categoryLabel('fi', 'q8', questions)).toBe('q8'); // a question since deleted
		const [row] = labelQuotaRows('en', [{ category: 'q7', value: 'often' }], questions);
		expect(row).toMatchObject({
			categoryLabel: 'Do you use digital services?',
			valueLabel: 'Often'
		});
	});
});
