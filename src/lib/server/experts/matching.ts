/**
 * The ranking of experts for one request: a pure function (no database, no clock), so its rules
 * are read and tested here. Each candidate gets a score and the reasons behind it, shown to the
 * coordinator as they are (i18n keys with parameters, e.g. "3 assignments this year").
 *
 * - Experience area: the area sought, as a patient or as a close one: +40.
 * - Language: the request's language: +25.
 * - Area: the municipality of the requesting unit among those the expert can reach: +15.
 * - Way of working: the request's format among the expert's ways: +10.
 * - Fair rotation: −5 for each assignment in the request's year, at most −30, so work is shared.
 * - Availability on the dates: a paused expert, one outside their own availability window, or
 *   one booked at an overlapping time is not available; they are listed after every available
 *   one, with the reason, and cannot be proposed.
 *
 * Ties go to fewer assignments this year, then by first name and id (a stable order).
 */

export const WEIGHTS = { area: 40, language: 25, municipality: 15, format: 10 } as const;
export const ROTATION_STEP = 5;
export const ROTATION_CAP = 30;

export interface MatchRequest {
	/** The experience area sought (an AREAS value). */
	area: string;
	language: string;
	format: string;
	/** Municipality code of the requesting unit, when it has one. */
	municipality: string | null;
	startsAt: Date;
	endsAt: Date;
	/** The Helsinki calendar days the request starts and ends on (YYYY-MM-DD). */
	firstDay: string;
	lastDay: string;
}

export interface Booking {
	startsAt: Date;
	endsAt: Date;
}

export interface Candidate {
	profileId: number;
	firstName: string;
	kind: string;
	/** Approved areas, `<area>:<as>`. */
	areas: readonly string[];
	languages: readonly string[];
	municipalities: readonly string[];
	ways: readonly string[];
	paused: boolean;
	availableFrom: string | null;
	availableUntil: string | null;
	/** The expert's proposed, accepted and closed assignments of other requests. */
	bookings: readonly Booking[];
	/** Accepted or closed assignments in the request's year. */
	assignmentsThisYear: number;
}

export interface Reason {
	key: string;
	params?: Record<string, string | number>;
	/** Counts for (true), against (false) or only informs (undefined). */
	good?: boolean;
}

export interface RankedExpert {
	profileId: number;
	firstName: string;
	kind: string;
	score: number;
	available: boolean;
	reasons: Reason[];
}

/** True when [a.startsAt, a.endsAt) and [b.startsAt, b.endsAt) share a moment. */
export function overlaps(a: Booking, b: Booking): boolean {
	return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

export function scoreCandidate(req: MatchRequest, c: Candidate): RankedExpert {
	const reasons: Reason[] = [];
	let score = 0;

	const asFor = c.areas.filter((v) => v.split(':')[0] === req.area).map((v) => v.split(':')[1]);
	if (asFor.length) {
		score += WEIGHTS.area;
		for (const as of asFor)
			reasons.push({ key: 'experts.reason.area', params: { as }, good: true });
	} else reasons.push({ key: 'experts.reason.noArea', good: false });

	if (c.languages.includes(req.language)) {
		score += WEIGHTS.language;
		reasons.push({ key: 'experts.reason.language', good: true });
	} else reasons.push({ key: 'experts.reason.noLanguage', good: false });

	if (req.municipality !== null) {
		if (c.municipalities.includes(req.municipality)) {
			score += WEIGHTS.municipality;
			reasons.push({ key: 'experts.reason.municipality', good: true });
		} else reasons.push({ key: 'experts.reason.noMunicipality', good: false });
	}

	if (c.ways.includes(req.format)) {
		score += WEIGHTS.format;
		reasons.push({ key: 'experts.reason.format', good: true });
	} else reasons.push({ key: 'experts.reason.noFormat', good: false });

	const n = Math.max(0, c.assignmentsThisYear);
	score -= Math.min(ROTATION_CAP, n * ROTATION_STEP);
	reasons.push({ key: 'experts.reason.rotation', params: { count: n } });

	let available = true;
	if (c.paused) {
		available = false;
		reasons.push({ key: 'experts.reason.paused', good: false });
	}
	if (
		(c.availableFrom !== null && req.firstDay < c.availableFrom) ||
		(c.availableUntil !== null && req.lastDay > c.availableUntil)
	) {
		available = false;
		reasons.push({ key: 'experts.reason.outsideAvailability', good: false });
	}
	if (c.bookings.some((b) => overlaps(b, req))) {
		available = false;
		reasons.push({ key: 'experts.reason.booked', good: false });
	}

	return {
		profileId: c.profileId,
		firstName: c.firstName,
		kind: c.kind,
		score,
		available,
		reasons
	};
}

/** Every candidate, best first: the available ones by score, then the unavailable ones. */
export function rankExperts(req: MatchRequest, candidates: readonly Candidate[]): RankedExpert[] {
	const count = new Map(candidates.map((c) => [c.profileId, c.assignmentsThisYear]));
	return candidates
		.map((c) => scoreCandidate(req, c))
		.sort(
			(a, b) =>
				Number(b.available) - Number(a.available) ||
				b.score - a.score ||
				(count.get(a.profileId) ?? 0) - (count.get(b.profileId) ?? 0) ||
				a.firstName.localeCompare(b.firstName, 'fi') ||
				a.profileId - b.profileId
		);
}

/** The best available candidate not yet asked, or null. */
export function nextToPropose(
	req: MatchRequest,
	candidates: readonly Candidate[],
	asked: ReadonlySet<number>
): RankedExpert | null {
	return (
		rankExperts(
			req,
			candidates.filter((c) => !asked.has(c.profileId))
		).find((r) => r.available) ?? null
	);
}
