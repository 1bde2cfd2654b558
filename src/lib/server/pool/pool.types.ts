/** Vocabulary of the pool: the values a member's answers may take, and the age bands. */
export const CONSENT_VERSION = '2026-11-25';
export const GENDERS = ['female', 'male', 'other', 'no_answer'] as const;
export const LANGUAGES = ['fi', 'sv', 'other'] as const;
export const MODES = ['online', 'in_person', 'phone'] as const;
export const STATUSES = ['pending', 'active', 'paused'] as const;
export const ANSWERS = ['yes', 'no', 'maybe'] as const;

/** The kinds of activity an invitation can be for. */
export const ACTIVITY_TYPES = [
	'conversation',
	'panel',
	'council',
	'survey',
	'workshop',
	'other'
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const DIMENSIONS = ['municipality', 'age_band', 'gender', 'language'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Age bands as [label, lowest age, highest age]. */
export const AGE_BANDS: [string, number, number][] = [
	['15-29', 15, 29],
	['30-44', 30, 44],
	['45-64', 45, 64],
	['65-74', 65, 74],
	['75+', 75, 200]
];
export const MIN_AGE = 15;

export function ageBandOf(birthYear: number, year: number): string | null {
	const age = year - birthYear;
	return AGE_BANDS.find(([, lo, hi]) => age >= lo && age <= hi)?.[0] ?? null;
}

/**
 * A member's groups in the tracker's vocabulary (`<dimension>:<value>`, the pool's DIMENSIONS)
 * as they are on the given year: frozen into an answer when it is given, so that a later move or
 * birthday does not rewrite who took part (issue 12, "reach against the population"). Values the
 * population has no row for (gender not given, age outside the bands) are left out.
 */
export function memberGroups(
	m: {
		municipality_code: string;
		birth_year: number;
		gender: string | null;
		mother_tongue: string | null;
	},
	year: number
): string[] {
	const band = ageBandOf(m.birth_year, year);
	return [
		`municipality:${m.municipality_code}`,
		...(band ? [`age_band:${band}`] : []),
		...(m.gender && m.gender !== 'no_answer' ? [`gender:${m.gender}`] : []),
		...(m.mother_tongue ? [`language:${m.mother_tongue}`] : [])
	];
}

/** The birth years an age band covers in a given year: [from, to] inclusive. */
export function birthYearsOf(band: string, year: number): [number, number] | null {
	const b = AGE_BANDS.find(([l]) => l === band);
	return b ? [year - b[2], year - b[1]] : null;
}

export interface MemberFilters {
	q?: string;
	municipality?: string[];
	ageBand?: string[];
	gender?: string[];
	language?: string[];
	serviceLine?: number[];
	mode?: string[];
	status?: string[];
	/** Background answers: question id → accepted values. */
	background?: Record<string, string[]>;
}

export interface MemberProfileInput {
	name: string;
	email: string;
	phone: string;
	municipality: string;
	birthYear: number;
	gender: string;
	motherTongue: string;
	locale: string;
	serviceLines: number[];
	topics: string;
	modes: string[];
	accessibility: string;
	background: Record<string, string>;
}
