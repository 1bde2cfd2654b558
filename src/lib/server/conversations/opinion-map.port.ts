/**
 * The slice of the opinion-map engine (ml/opinion-map, owned by the engine engineer) this module
 * uses. Everything else here talks to this port, so the engine can change inside without
 * touching the module; `opinion-map.engine.ts` binds it to the real façade.
 * Vote sign is the Polis export's: agree = +1, disagree = -1, pass = 0.
 */
export interface MapVote {
	pid: string;
	tid: string;
	vote: 1 | -1 | 0;
}

export interface MapInput {
	participants: string[];
	comments: string[];
	votes: MapVote[];
	modOut?: ReadonlySet<string>;
	meta?: ReadonlySet<string>;
}

export interface MapRepComment {
	tid: string;
	label: 'agree' | 'disagree';
	repness: number;
	pSuccess: number;
	nSuccess: number;
	nTrials: number;
}

export interface MapConsensusComment {
	tid: string;
	pSuccess: number;
	nSuccess: number;
	nTrials: number;
}

/** What the pages and exports read from a stored result. */
export interface MapResult {
	participants: Array<{ pid: string; x: number; y: number; group: number | null }>;
	k: number;
	groups: Array<{ index: number; size: number; center: [number, number] }>;
	repness: MapRepComment[][];
	consensus: { agree: MapConsensusComment[]; disagree: MapConsensusComment[] };
	/** extremity: how far the statement pulls participants apart (Polis comment extremity). */
	comments: Array<{ tid: string; x: number; y: number; extremity?: number }>;
}

/** Opaque warm-start state: stored as JSON and handed back on the next update. */
export type MapState = unknown;

export type ComputeOpinionMap = (
	input: MapInput,
	previousState?: MapState | null
) => { result: MapResult; state: MapState };

/** The same engine behind a thread or process boundary (the recompute job's default). */
export type ComputeOpinionMapAsync = (
	input: MapInput,
	previousState?: MapState | null
) => Promise<{ result: MapResult; state: MapState }>;
