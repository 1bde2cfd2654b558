import { describe, expect, it } from 'vitest';
import {
	exclusionReason,
	flagExclusion,
	isStopReply,
	keyedHash,
	maySendAt,
	normalisePhone,
	parseScore,
	sendAfter,
	surveyLocale,
	type SendContext,
	type VisitFlags
} from './visits.rules';

const iso = (d: Date) => d.toISOString();

describe('send time: the day after the visit, from 12:00 Helsinki time', () => {
	it('winter (UTC+2) and summer (UTC+3)', () => {
		expect(iso(sendAfter(new Date('2026-01-14T09:00:00Z')))).toBe('2026-01-15T10:00:00.000Z');
		expect(iso(sendAfter(new Date('2026-06-14T09:00:00Z')))).toBe('2026-06-15T09:00:00.000Z');
	});

	it('counts the Helsinki day, not the UTC day, near midnight', () => {
		// 23:30 UTC on 14 Jan is 01:30 on 15 Jan in Helsinki: the survey goes on the 16th.
		expect(iso(sendAfter(new Date('2026-01-14T23:30:00Z')))).toBe('2026-01-16T10:00:00.000Z');
		// 21:59 UTC is 23:59 Helsinki on the 14th: the 15th.
		expect(iso(sendAfter(new Date('2026-01-14T21:59:00Z')))).toBe('2026-01-15T10:00:00.000Z');
		// 21:30 UTC in summer is 00:30 the next Helsinki day.
		expect(iso(sendAfter(new Date('2026-06-14T21:30:00Z')))).toBe('2026-06-16T09:00:00.000Z');
	});

	it('DST edges: the clocks go forward on 29 March and back on 25 October 2026', () => {
		// Visit on Saturday 28 March (winter time): noon on the 29th is already summer time.
		expect(iso(sendAfter(new Date('2026-03-28T10:00:00Z')))).toBe('2026-03-29T09:00:00.000Z');
		// A visit in the night of the change itself (02:30 UTC = 05:30 EEST on the 29th).
		expect(iso(sendAfter(new Date('2026-03-29T02:30:00Z')))).toBe('2026-03-30T09:00:00.000Z');
		// Visit on Saturday 24 October (summer time): noon on the 25th is winter time again.
		expect(iso(sendAfter(new Date('2026-10-24T10:00:00Z')))).toBe('2026-10-25T10:00:00.000Z');
		// 00:30 UTC on the 25th is 03:30 EEST, before the change at 04:00 local: still the 25th.
		expect(iso(sendAfter(new Date('2026-10-25T00:30:00Z')))).toBe('2026-10-26T10:00:00.000Z');
	});

	it('texts only between 12:00 and 20:00 Helsinki time, in either season', () => {
		expect(maySendAt(new Date('2026-01-15T09:59:59Z'))).toBe(false); // 11:59:59
		expect(maySendAt(new Date('2026-01-15T10:00:00Z'))).toBe(true); // 12:00
		expect(maySendAt(new Date('2026-01-15T17:59:00Z'))).toBe(true); // 19:59
		expect(maySendAt(new Date('2026-01-15T18:00:00Z'))).toBe(false); // 20:00
		expect(maySendAt(new Date('2026-06-15T08:59:00Z'))).toBe(false); // 11:59 EEST
		expect(maySendAt(new Date('2026-06-15T09:00:00Z'))).toBe(true); // 12:00 EEST
		expect(maySendAt(new Date('2026-03-29T09:00:00Z'))).toBe(true); // noon on the DST day
		expect(maySendAt(new Date('2026-03-29T08:30:00Z'))).toBe(false); // 11:30 EEST
	});
});

describe('when not to ask', () => {
	const flags: VisitFlags = {
		ageBand: '45-64',
		nonDisclosure: false,
		sharedNumber: false,
		followUp: false,
		minorConsent: false
	};
	const now = new Date('2026-05-10T10:00:00Z');
	const ctx: SendContext = {
		optedOut: false,
		numberOfOthers: false,
		previousVisitAt: null,
		lastAskedAt: null,
		visitedAt: new Date('2026-05-09T08:00:00Z'),
		now,
		repeatDays: 90
	};
	const days = (n: number) => new Date(now.getTime() - n * 86_400_000);

	it('asks when no rule applies', () => {
		expect(exclusionReason(flags, ctx)).toBeNull();
	});

	it('non-disclosure order (turvakielto)', () => {
		expect(flagExclusion({ ...flags, nonDisclosure: true })).toBe('non_disclosure');
		expect(exclusionReason({ ...flags, nonDisclosure: true }, ctx)).toBe('non_disclosure');
	});

	it('a number given for several people: flagged by the source, or seen with another person', () => {
		expect(flagExclusion({ ...flags, sharedNumber: true })).toBe('shared_number');
		expect(flagExclusion(flags)).toBeNull();
		expect(exclusionReason(flags, { ...ctx, numberOfOthers: true })).toBe('shared_number');
	});

	it('a follow-up visit within 30 days: flagged, or an earlier visit to the unit', () => {
		expect(flagExclusion({ ...flags, followUp: true })).toBe('follow_up');
		const visitedAt = ctx.visitedAt.getTime();
		const before = (d: number) => new Date(visitedAt - d * 86_400_000);
		expect(exclusionReason(flags, { ...ctx, previousVisitAt: before(30) })).toBe('follow_up');
		expect(exclusionReason(flags, { ...ctx, previousVisitAt: before(2) })).toBe('follow_up');
		expect(exclusionReason(flags, { ...ctx, previousVisitAt: before(31) })).toBeNull();
	});

	it('under 18 without consent; with consent they are asked', () => {
		expect(flagExclusion({ ...flags, ageBand: '0-17' })).toBe('minor');
		expect(exclusionReason({ ...flags, ageBand: '0-17', minorConsent: true }, ctx)).toBeNull();
		expect(exclusionReason({ ...flags, ageBand: '18-24' }, ctx)).toBeNull();
	});

	it('opted out (STOP)', () => {
		expect(exclusionReason(flags, { ...ctx, optedOut: true })).toBe('opted_out');
	});

	it("asked already within the setting's number of days", () => {
		expect(exclusionReason(flags, { ...ctx, lastAskedAt: days(89) })).toBe('recently_asked');
		expect(exclusionReason(flags, { ...ctx, lastAskedAt: days(90) })).toBeNull();
		expect(exclusionReason(flags, { ...ctx, lastAskedAt: days(10), repeatDays: 7 })).toBeNull();
	});

	it('reports the first rule that applies, in the reporting order', () => {
		expect(
			exclusionReason(
				{ ...flags, nonDisclosure: true, ageBand: '0-17' },
				{ ...ctx, optedOut: true }
			)
		).toBe('non_disclosure');
		expect(exclusionReason(flags, { ...ctx, optedOut: true, lastAskedAt: days(1) })).toBe(
			'opted_out'
		);
	});
});

describe('language, numbers, replies', () => {
	it('Finnish, Swedish, else English', () => {
		expect(surveyLocale('fi')).toBe('fi');
		expect(surveyLocale('SV')).toBe('sv');
		expect(surveyLocale('sv-FI')).toBe('sv');
		expect(surveyLocale('ru')).toBe('en');
		expect(surveyLocale('')).toBe('en');
		expect(surveyLocale(undefined)).toBe('en');
	});

	it('phone numbers in E.164; landlines and junk refused', () => {
		expect(normalisePhone('040 123 4567')).toBe('+358401234567');
		expect(normalisePhone('+358 50-123 4567')).toBe('+358501234567');
		expect(normalisePhone('00358401234567')).toBe('+358401234567');
		expect(normalisePhone('+46701234567')).toBe('+46701234567');
		expect(normalisePhone('09 1234 567')).toBeNull();
		expect(normalisePhone('12345')).toBeNull();
		expect(normalisePhone('abc')).toBeNull();
	});

	it('the keyed hash depends on the key and never contains the number', () => {
		const a = keyedHash('k1', '+358401234567');
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(a).not.toContain('401234567');
		expect(keyedHash('k2', '+358401234567')).not.toBe(a);
		expect(keyedHash('k1', '+358401234567')).toBe(a);
	});

	it('STOP words and scores', () => {
		for (const w of ['STOP', 'stop', ' Lopeta ', 'SLUTA', 'stop.'])
			expect(isStopReply(w)).toBe(true);
		expect(isStopReply('stop it')).toBe(false);
		expect(parseScore('8', 0, 10)).toBe(8);
		expect(parseScore(' 10 ', 0, 10)).toBe(10);
		expect(parseScore('0', 0, 10)).toBe(0);
		expect(parseScore('11', 0, 10)).toBeNull();
		expect(parseScore('kahdeksan', 0, 10)).toBeNull();
		expect(parseScore('8/10', 0, 10)).toBeNull();
		expect(parseScore('0', 1, 5)).toBeNull();
	});
});
