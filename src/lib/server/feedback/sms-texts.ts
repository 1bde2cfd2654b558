/**
 * The texts of the SMS survey in the person's language (catalogue keys `feedback.sms.*`). The
 * text-reply form asks NPS first, then at most two questions (HUS's way): the first base
 * statement (1–5) and the open question, as the SMS intake has always mapped them.
 */
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';

/** The answer keys of the text-reply questions, in order (national survey keys). */
export const SMS_QUESTIONS = [
	{ key: 'nps', min: 0, max: 10 },
	{ key: 's1', min: 1, max: 5 },
	{ key: 'open', min: 0, max: 0 }
] as const;
export const SMS_DONE = SMS_QUESTIONS.length;
export const SMS_STOPPED = -1;

export function firstMessage(locale: Locale, form: string, unitName: string, link: string): string {
	return form === 'link'
		? translate(locale, 'feedback.sms.link', { unit: unitName, link })
		: translate(locale, 'feedback.sms.npsQuestion', { unit: unitName });
}

/** The question after step `step` (1 = the statement, 2 = the open question). */
export function nextQuestion(locale: Locale, step: number): string {
	return translate(
		locale,
		step === 1 ? 'feedback.sms.statementQuestion' : 'feedback.sms.openQuestion'
	);
}

export function retryMessage(locale: Locale, step: number): string {
	const q = SMS_QUESTIONS[step];
	return translate(locale, 'feedback.sms.retry', { min: q.min, max: q.max });
}

export const thanksMessage = (locale: Locale) => translate(locale, 'feedback.sms.thanks');
export const stoppedMessage = (locale: Locale) => translate(locale, 'feedback.sms.stopped');
