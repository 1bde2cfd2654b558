/**
 * Shapes of the panel-selection engine. Plain data only: no database, no clock, no HTTP.
 */

/** One volunteer: an id and a value for every quota category (extra fields are ignored). */
export interface Volunteer {
	id: string;
	/** Category → value, e.g. `{ gender: 'female', age: '30-44' }`. */
	attributes: Readonly<Record<string, string>>;
	/**
	 * Household key: at most one member of a household may sit on a panel. Volunteers with the
	 * same non-empty key share a household; undefined or '' is a household of one.
	 */
	household?: string;
	/** Where the row came from, for error messages (e.g. `volunteers.csv line 7`). */
	source?: string;
}

/** Seats for one category value. `minFlex`/`maxFlex`: how far a diagnosis may relax it. */
export interface Quota {
	category: string;
	value: string;
	min: number;
	max: number;
	/** Lowest acceptable min when the quotas must be relaxed (Sortition Foundation `min_flex`; default 0). */
	minFlex?: number;
	/** Highest acceptable max when relaxing (`max_flex`; default: no limit). */
	maxFlex?: number;
	/** Where the row came from, for error messages (e.g. `quotas.csv line 3`). */
	source?: string;
}

export interface PanelSpec {
	volunteers: readonly Volunteer[];
	quotas: readonly Quota[];
	/** Seats on the panel. */
	size: number;
}

/**
 * Volunteers with identical category values (and no household partner in the pool) are
 * interchangeable: every quota sees them alike, so the leximin distribution gives them the same
 * probability. The engine works on these types instead of on persons.
 */
export interface VolunteerType {
	/** Canonical key: the value of every category, in category order, JSON-encoded. */
	key: string;
	/** Index into `categories[c].values` for every category c. */
	valueIndex: number[];
	/** Member ids, sorted (code-unit order). */
	members: string[];
	/** Household key when the type is a volunteer who shares a household with another volunteer. */
	household?: string;
}

export interface CategoryQuotas {
	name: string;
	values: { value: string; min: number; max: number; minFlex: number; maxFlex: number }[];
}

/** A validated instance: categories and types in canonical order. */
export interface PanelInstance {
	size: number;
	categories: CategoryQuotas[];
	types: VolunteerType[];
	/** Groups of type indices of which at most one may be on a panel (shared households). */
	households: number[][];
	/** Volunteer count. */
	poolSize: number;
}

/** A panel as seats per type: `counts[t]` members of type t. */
export type TypePanel = Int32Array;

export interface Distribution {
	/** Distinct type panels with positive probability, in canonical order. */
	panels: TypePanel[];
	/** Probability of each panel; sums to 1. */
	weights: number[];
}

export interface LeximinStats {
	/** Outer stages (each fixes at least one type's probability). */
	stages: number;
	/** Panels generated (columns of the primal LP). */
	panelsGenerated: number;
	/** Pricing MILPs solved. */
	pricingSolves: number;
	/** Times the fixed probabilities had to be lowered for numerical feasibility (the reference's "REDUCE PROBS"). */
	reductions: number;
	/** Milliseconds for the initial panels (multiplicative weights). */
	initialMs: number;
	/** Milliseconds until the first stage (the max-min probability) was proved. */
	firstStageMs: number;
	/** The max-min probability after stage 1, and the LP upper bound proved for it. */
	firstStageValue: number;
	firstStageBound: number;
	totalMs: number;
}
