/**
 * Checks raw answers (form strings or JSON values) against a survey version's questions.
 * Pure: returns normalised answers or per-question error keys (i18n), never throws.
 */
import { maskPersonalData } from '../core/privacy/mask';
import { stripNul } from '$lib/validation';
import type { AnswerValue, Question } from './feedback.types';

export const MAX_TEXT = 2000;

export interface CheckedAnswers {
	answers: Record<string, AnswerValue>;
	nps: number | null;
	openText: string | null;
	/** slot (1–6) → 1..5 for statements answered on the agreement scale */
	slots: Record<number, number>;
}

export type CheckResult =
	{ ok: true; value: CheckedAnswers } | { ok: false; errors: Record<string, string> };

function asInt(v: unknown): number | null {
	if (typeof v === 'number' && Number.isInteger(v)) return v;
	if (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v)) return Number(v);
	return null;
}

function isBlank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function checkAnswers(questions: Question[], raw: Record<string, unknown>): CheckResult {
	const answers: Record<string, AnswerValue> = {};
	const errors: Record<string, string> = {};
	const slots: Record<number, number> = {};
	let nps: number | null = null;
	const texts: string[] = [];
	const known = new Set(questions.map((q) => q.key));
	for (const key of Object.keys(raw)) {
		if (!known.has(key)) errors[key] = 'feedback.errors.unknownQuestion';
	}
	for (const q of questions) {
		const v = raw[q.key];
		if (isBlank(v)) {
			if (q.required) errors[q.key] = 'feedback.errors.required';
			continue;
		}
		switch (q.type) {
			case 'nps': {
				const n = asInt(v);
				if (n === null || n < 0 || n > 10) errors[q.key] = 'feedback.errors.npsRange';
				else answers[q.key] = nps = n;
				break;
			}
			case 'statement': {
				if (v === 'dk') {
					answers[q.key] = 'dk';
					break;
				}
				const n = asInt(v);
				if (n === null || n < 1 || n > 5) errors[q.key] = 'feedback.errors.statementRange';
				else {
					answers[q.key] = n;
					if (q.slot) slots[q.slot] = n;
				}
				break;
			}
			case 'scale': {
				const n = asInt(v);
				if (n === null || n < 1 || n > (q.max ?? 5)) errors[q.key] = 'feedback.errors.scaleRange';
				else answers[q.key] = n;
				break;
			}
			case 'choice': {
				if (typeof v !== 'string' || !q.options?.some((o) => o.value === v))
					errors[q.key] = 'feedback.errors.choice';
				else answers[q.key] = v;
				break;
			}
			case 'text': {
				if (typeof v !== 'string') errors[q.key] = 'feedback.errors.text';
				else if (v.length > MAX_TEXT) errors[q.key] = 'feedback.errors.textTooLong';
				else {
					// Masked before it is stored: staff never see identity codes or phone numbers.
					const masked = maskPersonalData(stripNul(v).trim());
					answers[q.key] = masked;
					texts.push(masked);
				}
				break;
			}
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		value: { answers, nps, openText: texts.length ? texts.join('\n\n') : null, slots }
	};
}
