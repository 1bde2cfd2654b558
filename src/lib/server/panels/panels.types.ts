/** The panels' vocabulary, shared by tables, schemas, services and pages. */

export const PANEL_STATUSES = ['recruiting', 'committed', 'drawn', 'concluded'] as const;
export type PanelStatus = (typeof PANEL_STATUSES)[number];

export const DRAW_STATES = ['idle', 'queued', 'running', 'done', 'failed'] as const;
export type DrawState = (typeof DRAW_STATES)[number];

export const MEMBER_STATES = [
	'in_pool',
	'selected',
	'confirmed',
	'declined',
	'withdrawn',
	'replaced'
] as const;
export type MemberState = (typeof MEMBER_STATES)[number];
/** States of a seat on the panel (drawn, or in as a replacement). */
export const SEATED: readonly MemberState[] = ['selected', 'confirmed'];
/** Off the panel after being on it: their seat is to be refilled. */
export const DROPPED: readonly MemberState[] = ['declined', 'withdrawn'];

/**
 * The pool attributes a panel can balance: the pool's four dimensions, plus any background
 * question as `q<id>`. CSV imports may bring any column.
 */
export const POOL_CATEGORIES = ['age_band', 'gender', 'municipality', 'language'] as const;

/** The engine's one algorithm the portal draws with (the legacy greedy one is only a baseline). */
export const ALGORITHM = 'leximin' as const;

/** A row of the published quota table. */
export interface StoredQuotaOutcome {
	category: string;
	value: string;
	min: number;
	max: number;
	pool: number;
	selected: number;
	expected: number;
}

export const MAX_CSV_BYTES = 2_000_000;
