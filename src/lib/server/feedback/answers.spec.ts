import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers';
import { NATIONAL_SURVEY } from './default-surveys';

const qs = NATIONAL_SURVEY.questions;

describe('checkAnswers', () => {
	it('accepts form strings, "en osaa sanoa" and masks the open text', () => {
		const r = checkAnswers(qs, { nps: '9', s1: '5', s2: 'dk', s3: '', open: 'soita 040 123 4567' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.nps).toBe(9);
		expect(r.value.answers).toEqual({ nps: 9, s1: 5, s2: 'dk', open: 'soita [puhelinnumero]' });
		expect(r.value.slots).toEqual({ 1: 5 });
	});

	it('requires the recommendation question and rejects out-of-range values', () => {
		const r = checkAnswers(qs, { nps: '11', s1: '6', bogus: 'x' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({
			nps: 'feedback.errors.npsRange',
			s1: 'feedback.errors.statementRange',
			bogus: 'feedback.errors.unknownQuestion'
		});
		const missing = checkAnswers(qs, {});
		expect(missing.ok ? {} : missing.errors).toEqual({ nps: 'feedback.errors.required' });
	});

	it('rejects over-long text', () => {
		const r = checkAnswers(qs, { nps: 5, open: 'x'.repeat(2001) });
		expect(r.ok ? {} : r.errors).toEqual({ open: 'feedback.errors.textTooLong' });
	});
});
