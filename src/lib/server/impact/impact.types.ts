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
