/**
 * The rules of the SMS survey after a visit, as pure functions (unit-tested one by one):
 * when the survey is sent, to whom it is not sent, the language, the phone number's form and
 * its keyed hash. No database here.
 */
import { createHmac } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { HELSINKI, addDays, helsinkiDay } from '../core/time';

/** The survey goes out the day after the visit, from 12:00 Helsinki time… */
export const SEND_FROM_HOUR = 12;
/** …and not in the evening: a run after 20:00 (a gateway that was down) waits for the next noon. */
export const SEND_UNTIL_HOUR = 20;
/** A visit to the same unit this soon after an earlier one is a follow-up visit. */
export const FOLLOW_UP_DAYS = 30;

/** 12:00 Helsinki time (summer or winter) on the Helsinki day after the visit. */
export function sendAfter(visitedAt: Date): Date {
	const [y, m, d] = addDays(helsinkiDay(visitedAt), 1).split('-').map(Number);
	return new Date(new TZDate(y, m - 1, d, SEND_FROM_HOUR, 0, 0, HELSINKI).getTime());
}

/** Whether a survey may be texted at this instant (12:00–20:00 Helsinki time). */
export function maySendAt(now: Date): boolean {
	const hour = new TZDate(now.getTime(), HELSINKI).getHours();
	return hour >= SEND_FROM_HOUR && hour < SEND_UNTIL_HOUR;
}

/** The person's language as the record gives it (ISO 639-1, any case): fi, sv, else en. */
export function surveyLocale(language: string | undefined | null): 'fi' | 'sv' | 'en' {
	const l = (language ?? '').trim().toLowerCase().slice(0, 2);
	return l === 'fi' ? 'fi' : l === 'sv' ? 'sv' : 'en';
}

export const AGE_BANDS = ['0-17', '18-24', '25-44', '45-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * A phone number in E.164 (+358401234567), from the forms patient systems use: +358 40 123 4567,
 * 040-123 4567, 00358401234567. Null when it is not a number a text can go to.
 */
export function normalisePhone(raw: string): string | null {
	const s = raw.replace(/[\s().-]/g, '');
	let e164: string;
	if (/^\+\d+$/.test(s)) e164 = s;
	else if (/^00\d+$/.test(s)) e164 = `+${s.slice(2)}`;
	else if (/^0\d+$/.test(s)) e164 = `+358${s.slice(1)}`;
	else return null;
	if (!/^\+[1-9]\d{6,14}$/.test(e164)) return null;
	// Finnish numbers: a mobile (04x, 050) is what receives texts.
	if (e164.startsWith('+358') && !/^\+358(4\d|50)\d{5,8}$/.test(e164)) return null;
	return e164;
}

/** The keyed hash kept instead of a number (or a person reference): HMAC-SHA-256, hex. */
export function keyedHash(key: string, value: string): string {
	return createHmac('sha256', key).update(value).digest('hex');
}

/** The exclusion rules in the order they are reported. */
export const EXCLUSION_REASONS = [
	'non_disclosure',
	'shared_number',
	'follow_up',
	'minor',
	'opted_out',
	'recently_asked'
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** What the source system says about the visit. */
export interface VisitFlags {
	ageBand: string;
	nonDisclosure: boolean;
	sharedNumber: boolean;
	followUp: boolean;
	minorConsent: boolean;
}

/** What the portal knows about the number and the unit at send time. */
export interface SendContext {
	/** The number has opted out (a STOP reply or staff). */
	optedOut: boolean;
	/** The same number given for another person (a different person reference). */
	numberOfOthers: boolean;
	/** The person's previous visit to the same unit, if any, before this one. */
	previousVisitAt: Date | null;
	/** When the number was last sent a survey, if ever. */
	lastAskedAt: Date | null;
	visitedAt: Date;
	now: Date;
	repeatDays: number;
}

/** The rules the source system's flags decide alone: applied on arrival (no number is kept). */
export function flagExclusion(v: VisitFlags): ExclusionReason | null {
	if (v.nonDisclosure) return 'non_disclosure';
	if (v.sharedNumber) return 'shared_number';
	if (v.followUp) return 'follow_up';
	if (v.ageBand === '0-17' && !v.minorConsent) return 'minor';
	return null;
}

const DAY_MS = 86_400_000;

/** Every rule, at send time: null means the survey may be sent. */
export function exclusionReason(v: VisitFlags, ctx: SendContext): ExclusionReason | null {
	const byFlags = flagExclusion(v);
	if (byFlags) return byFlags;
	if (ctx.numberOfOthers) return 'shared_number';
	if (
		ctx.previousVisitAt &&
		ctx.visitedAt.getTime() - ctx.previousVisitAt.getTime() <= FOLLOW_UP_DAYS * DAY_MS
	)
		return 'follow_up';
	if (ctx.optedOut) return 'opted_out';
	if (ctx.lastAskedAt && ctx.now.getTime() - ctx.lastAskedAt.getTime() < ctx.repeatDays * DAY_MS)
		return 'recently_asked';
	return null;
}

/** Words that end the SMS surveys for the number (Finnish, Swedish, English). */
const STOP_WORDS = new Set(['STOP', 'LOPETA', 'SEIS', 'SLUTA', 'STOPP']);

export function isStopReply(text: string): boolean {
	return STOP_WORDS.has(
		text
			.trim()
			.toUpperCase()
			.replace(/[.!]+$/, '')
	);
}

/** An integer reply within the range ("8", " 8 ", "8." are 8), else null. */
export function parseScore(text: string, min: number, max: number): number | null {
	const m = /^\s*(\d{1,2})[.!]?\s*$/.exec(text);
	if (!m) return null;
	const n = Number(m[1]);
	return n >= min && n <= max ? n : null;
}
