/** The tracker's vocabulary, shared by tables, schemas, services and pages. */

/** In the order a finding usually moves; any move is allowed (a decision can be reversed). */
export const STATUSES = [
	'received',
	'under_consideration',
	'decided',
	'being_implemented',
	'implemented',
	'not_taken_forward'
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that count as "a change decided or made" in the headline figure. */
export const CHANGE_STATUSES: readonly Status[] = ['decided', 'being_implemented', 'implemented'];
/** Still waiting for an answer: the owner is reminded when one waits past the limit. */
export const WAITING_STATUSES: readonly Status[] = ['received', 'under_consideration'];
/** Outcomes: the finding's chain has ended. */
export const OUTCOME_STATUSES: readonly Status[] = ['implemented', 'not_taken_forward'];

export const FINDING_KINDS = ['statement', 'recommendation', 'feedback_theme'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One piece of evidence: an aggregate (a share, a count), never a person. */
export interface Evidence {
	/** As written by the source (e.g. a statement text, "Vastauksia, joissa mainitaan jonotus"). */
	label: string;
	/** 0…1, e.g. a statement's agreement share. */
	share?: number;
	count?: number;
	/** A link inside the portal, e.g. "/conversations/<id>/report". */
	href?: string;
}

/** Figures from fewer people than this are shown as "< 5" on public pages and in exports. */
export const SMALL_GROUP = 5;

/** Activities entered by hand on /staff/impact/activities (the pool invites to them by id). */
export const HAND_KINDS = ['workshop', 'other'] as const;
export type HandKind = (typeof HAND_KINDS)[number];

/**
 * The groups participation is counted by, `<dimension>:<value>` (e.g. "age_band:15-29",
 * "language:sv", "municipality:091"): the pool's dimensions and values, so reach can be set
 * against the population figures the pool holds. "age" and "lang" are older spellings.
 */
export const GROUP_DIMENSIONS = ['municipality', 'age_band', 'gender', 'language'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];
const DIMENSION_ALIASES: Record<string, GroupDimension> = { age: 'age_band', lang: 'language' };

/** The group's dimension and value, older spellings read as the pool's; null: not a group key. */
export function readGroup(key: string): { dimension: GroupDimension; value: string } | null {
	const i = key.indexOf(':');
	if (i < 1) return null;
	const raw = key.slice(0, i);
	const dimension = DIMENSION_ALIASES[raw] ?? raw;
	const value = key.slice(i + 1);
	if (!(GROUP_DIMENSIONS as readonly string[]).includes(dimension) || !value) return null;
	return { dimension: dimension as GroupDimension, value };
}

/** The "felt heard" question's answers: 1 (not at all) … 5 (fully); 4 and 5 count as heard. */
export const HEARD_SCORES = [1, 2, 3, 4, 5] as const;
export const HEARD_FROM = 4;
