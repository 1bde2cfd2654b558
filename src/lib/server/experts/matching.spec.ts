import { describe, expect, it } from 'vitest';
import {
	ROTATION_CAP,
	WEIGHTS,
	nextToPropose,
	overlaps,
	rankExperts,
	scoreCandidate,
	type Candidate,
	type MatchRequest
} from './matching';

const req: MatchRequest = {
	area: 'mental_health',
	language: 'fi',
	format: 'workshop',
	municipality: '837',
	startsAt: new Date('2027-03-10T10:00:00+02:00'),
	endsAt: new Date('2027-03-10T12:00:00+02:00'),
	firstDay: '2027-03-10',
	lastDay: '2027-03-10'
};

let nextId = 1;
function cand(over: Partial<Candidate> = {}): Candidate {
	return {
		profileId: nextId++,
		firstName: 'Aino',
		kind: 'expert',
		areas: ['mental_health:patient'],
		languages: ['fi'],
		municipalities: ['837'],
		ways: ['workshop'],
		paused: false,
		availableFrom: null,
		availableUntil: null,
		bookings: [],
		assignmentsThisYear: 0,
		...over
	};
}
const keys = (c: Candidate) => scoreCandidate(req, c).reasons.map((r) => r.key);

describe('scoreCandidate', () => {
	it('adds every weight for a full match and says why', () => {
		const r = scoreCandidate(req, cand());
		expect(r.score).toBe(WEIGHTS.area + WEIGHTS.language + WEIGHTS.municipality + WEIGHTS.format);
		expect(r.available).toBe(true);
		expect(r.reasons.map((x) => x.key)).toEqual([
			'experts.reason.area',
			'experts.reason.language',
			'experts.reason.municipality',
			'experts.reason.format',
			'experts.reason.rotation'
		]);
		expect(r.reasons[0].params).toEqual({ as: 'patient' });
	});

	it('counts the area as a patient or as a close one, naming each', () => {
		const r = scoreCandidate(
			req,
			cand({ areas: ['mental_health:close_one', 'disability:patient'] })
		);
		expect(r.score).toBe(90);
		expect(r.reasons.filter((x) => x.key === 'experts.reason.area')).toEqual([
			{ key: 'experts.reason.area', params: { as: 'close_one' }, good: true }
		]);
		const both = scoreCandidate(
			req,
			cand({ areas: ['mental_health:close_one', 'mental_health:patient'] })
		);
		expect(both.score).toBe(90); // counted once
	});

	it('gives nothing for another area, language, municipality or way, with the reason', () => {
		const c = cand({
			areas: ['substance_use:patient'],
			languages: ['sv'],
			municipalities: ['536'],
			ways: ['panel']
		});
		const r = scoreCandidate(req, c);
		expect(r.score).toBe(0);
		expect(keys(c)).toEqual([
			'experts.reason.noArea',
			'experts.reason.noLanguage',
			'experts.reason.noMunicipality',
			'experts.reason.noFormat',
			'experts.reason.rotation'
		]);
		expect(r.available).toBe(true); // a poor match is still available
	});

	it('skips the area when the unit has no municipality', () => {
		const r = scoreCandidate({ ...req, municipality: null }, cand({ municipalities: [] }));
		expect(r.score).toBe(75);
		expect(r.reasons.some((x) => x.key.includes('unicipality'))).toBe(false);
	});

	it('takes 5 points per assignment this year, at most 30, and shows the count', () => {
		expect(scoreCandidate(req, cand({ assignmentsThisYear: 3 })).score).toBe(90 - 15);
		expect(scoreCandidate(req, cand({ assignmentsThisYear: 50 })).score).toBe(90 - ROTATION_CAP);
		expect(
			scoreCandidate(req, cand({ assignmentsThisYear: 3 })).reasons.find(
				(x) => x.key === 'experts.reason.rotation'
			)?.params
		).toEqual({ count: 3 });
	});

	it('marks a paused expert unavailable', () => {
		const r = scoreCandidate(req, cand({ paused: true }));
		expect(r.available).toBe(false);
		expect(r.reasons.at(-1)?.key).toBe('experts.reason.paused');
	});

	it('respects the expert’s own availability window, inclusive of its days', () => {
		expect(scoreCandidate(req, cand({ availableFrom: '2027-03-10' })).available).toBe(true);
		expect(scoreCandidate(req, cand({ availableUntil: '2027-03-10' })).available).toBe(true);
		expect(scoreCandidate(req, cand({ availableFrom: '2027-03-11' })).available).toBe(false);
		expect(scoreCandidate(req, cand({ availableUntil: '2027-03-09' })).available).toBe(false);
		const twoDays = { ...req, lastDay: '2027-03-11' };
		expect(scoreCandidate(twoDays, cand({ availableUntil: '2027-03-10' })).available).toBe(false);
		expect(keys(cand({ availableUntil: '2027-03-09' }))).toContain(
			'experts.reason.outsideAvailability'
		);
	});

	it('marks an expert booked at an overlapping time unavailable, not one booked just before', () => {
		const booked = cand({
			bookings: [
				{
					startsAt: new Date('2027-03-10T11:30:00+02:00'),
					endsAt: new Date('2027-03-10T13:00:00+02:00')
				}
			]
		});
		expect(scoreCandidate(req, booked).available).toBe(false);
		expect(keys(booked)).toContain('experts.reason.booked');
		const before = cand({
			bookings: [
				{ startsAt: new Date('2027-03-10T08:00:00+02:00'), endsAt: req.startsAt } // ends as it starts
			]
		});
		expect(scoreCandidate(req, before).available).toBe(true);
	});
});

describe('overlaps', () => {
	const at = (h1: number, h2: number) => ({
		startsAt: new Date(Date.UTC(2027, 0, 1, h1)),
		endsAt: new Date(Date.UTC(2027, 0, 1, h2))
	});
	it('is true for shared time and false for touching or separate times', () => {
		expect(overlaps(at(10, 12), at(11, 13))).toBe(true);
		expect(overlaps(at(10, 12), at(9, 14))).toBe(true);
		expect(overlaps(at(10, 12), at(10, 12))).toBe(true);
		expect(overlaps(at(10, 12), at(12, 13))).toBe(false);
		expect(overlaps(at(10, 12), at(7, 10))).toBe(false);
		expect(overlaps(at(10, 12), at(14, 15))).toBe(false);
	});
});

describe('rankExperts', () => {
	it('puts the best match first and unavailable ones last, whatever their score', () => {
		const best = cand({ firstName: 'Best' });
		const weak = cand({ firstName: 'Weak', languages: ['sv'] });
		const paused = cand({ firstName: 'Paused', paused: true });
		const ranked = rankExperts(req, [paused, weak, best]);
		expect(ranked.map((r) => r.firstName)).toEqual(['Best', 'Weak', 'Paused']);
	});

	it('shares work: of two equal matches the one with fewer assignments this year comes first', () => {
		const busy = cand({ firstName: 'Aaro', assignmentsThisYear: 3 });
		const fresh = cand({ firstName: 'Ville', assignmentsThisYear: 0 });
		expect(rankExperts(req, [busy, fresh]).map((r) => r.firstName)).toEqual(['Ville', 'Aaro']);
	});

	it('rotation does not outweigh a missing language', () => {
		const busySpeaker = cand({ firstName: 'A', assignmentsThisYear: 4 }); // 90 − 20
		const freshSwede = cand({ firstName: 'B', languages: ['sv'] }); // 65
		expect(rankExperts(req, [freshSwede, busySpeaker])[0].firstName).toBe('A');
	});

	it('breaks ties by first name then id, so the order is stable', () => {
		const b = cand({ firstName: 'Ööpa' });
		const a = cand({ firstName: 'Anna' });
		const a2 = cand({ firstName: 'Anna' });
		const r = rankExperts(req, [b, a2, a]).map((x) => x.profileId);
		expect(r).toEqual([a.profileId, a2.profileId, b.profileId]);
	});

	it('returns an empty list for no candidates', () => {
		expect(rankExperts(req, [])).toEqual([]);
	});
});

describe('nextToPropose', () => {
	it('skips those already asked and the unavailable, and is null when none is left', () => {
		const first = cand({ firstName: 'First' });
		const second = cand({ firstName: 'Second', municipalities: [] });
		const paused = cand({ firstName: 'Paused', paused: true });
		const all = [first, second, paused];
		expect(nextToPropose(req, all, new Set())?.profileId).toBe(first.profileId);
		expect(nextToPropose(req, all, new Set([first.profileId]))?.profileId).toBe(second.profileId);
		expect(nextToPropose(req, all, new Set([first.profileId, second.profileId]))).toBeNull();
	});
});
