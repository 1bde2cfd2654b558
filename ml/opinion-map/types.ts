/**
 * Public types of the opinion-map engine.
 *
 * Vote convention at ingress and everywhere inside the engine: **agree = +1, disagree = −1,
 * pass = 0**, a missing cell means "not voted". This is the convention of the Polis open-data CSV
 * exports, red-dwarf and delphi. Polis's own database and Clojure math use the opposite sign
 * (agree = −1); callers reading Polis's database must flip the sign before calling the engine.
 */

export type Vote = 1 | -1 | 0;

/** One vote as it arrived. Later entries for the same (pid, tid) replace earlier ones. */
export interface VoteRecord {
	pid: string;
	tid: string;
	vote: Vote;
}

/**
 * Column-oriented form of the same votes, for large conversations: entry i says participant
 * `participants[pidIndex[i]]` voted `vote[i]` on comment `comments[tidIndex[i]]`. Chronological
 * order, latest vote per cell wins.
 */
export interface CompactVotes {
	pidIndex: Int32Array;
	tidIndex: Int32Array;
	vote: Int8Array;
}

export interface OpinionMapInput {
	/**
	 * Participant ids, in join order (Polis: ascending pid). Rows are ordered by each participant's
	 * first comment in `comments` order, ties in this order, as Polis does.
	 */
	participants: string[];
	/** Comment ids. Their order is the column order (ties in rankings follow it). */
	comments: string[];
	votes: VoteRecord[] | CompactVotes;
	/** Moderated-out comments: their column is zeroed for everyone (Polis `mod-out`). */
	modOut?: ReadonlySet<string>;
	/** Meta comments (`is_meta`): treated exactly like moderated-out ones, as Polis does. */
	meta?: ReadonlySet<string>;
}

export interface OpinionMapOptions {
	/** Seed of the PRNG that draws the cold-start PCA vectors. */
	seed: number;
	/** Maximum power iterations per component and update (Polis `:pca-iters`). */
	pcaIters: number;
	/** Maximum power iterations when no previous components exist (cold start). */
	pcaColdIters: number;
	/** Power iteration stops when the unit vector moves less than this (L2). */
	pcaTolerance: number;
	baseK: number;
	baseIters: number;
	maxK: number;
	/** Group-level k-means iterations (Polis intends 100 but runs 20, quirk Q3). */
	groupIters: number;
	/** Consecutive updates a new best k must win before it is adopted (Polis `:group-k-buffer`). */
	kBuffer: number;
	/** A participant is clustered from min(minVotes, n comments) votes on. */
	minVotes: number;
	/** Top up the clustered set with the most active voters until it has this many. */
	greedyN: number;
}

export type Label = 'agree' | 'disagree';

/** A representative comment of one group (Polis `finalize-cmt-stats`). */
export interface RepComment {
	tid: string;
	label: Label;
	/** Ratio of the group's pseudocounted probability to the rest's. */
	repness: number;
	/** Two-proportion z of the group against the rest. */
	repnessTest: number;
	/** Pseudocounted probability (n + 1) / (N + 2) of `label` within the group. */
	pSuccess: number;
	/** One-proportion z of `label` within the group. */
	pTest: number;
	nSuccess: number;
	nTrials: number;
	/** Set on the group's "best agree" comment, which is forced to the front. */
	bestAgree?: true;
	nAgree?: number;
}

export interface ConsensusComment {
	tid: string;
	nSuccess: number;
	nTrials: number;
	pSuccess: number;
	pTest: number;
}

export interface ParticipantPlacement {
	pid: string;
	x: number;
	y: number;
	/** Raw number of votes cast (passes and moderated-out comments included). */
	nVotes: number;
	clustered: boolean;
	/** Group index 0..k-1, or null when not clustered. */
	group: number | null;
	/** Id of the base cluster, or null when not clustered. */
	baseCluster: number | null;
}

export interface GroupSummary {
	index: number;
	/** Internal cluster id; stable across warm-started updates. */
	id: number;
	size: number;
	center: [number, number];
	baseClusters: number[];
}

export interface CommentPlacement {
	tid: string;
	/** Where a participant who only agreed with this comment would land (Polis comment projection). */
	x: number;
	y: number;
	extremity: number;
	modOut: boolean;
}

export interface OpinionMapResult {
	/** Participants with at least one vote, in Polis row order (see vote-matrix.ts). */
	participants: ParticipantPlacement[];
	k: number;
	groups: GroupSummary[];
	/** repness[g] lists up to 5 comments for group index g. */
	repness: RepComment[][];
	consensus: { agree: ConsensusComment[]; disagree: ConsensusComment[] };
	/** Π_g (A_g + 1) / (S_g + 2) per comment that has votes, and its disagree twin. */
	groupAwareConsensus: Record<string, { agree: number; disagree: number }>;
	comments: CommentPlacement[];
	diagnostics: {
		nParticipants: number;
		nComments: number;
		nVotes: number;
		nClustered: number;
		nBaseClusters: number;
		silhouettes: Record<string, number>;
		bestK: number | null;
		pcaIterations: number[];
		pcaEigenvalues: number[];
		baseIterations: number;
		groupIterations: Record<string, number>;
	};
}

export interface StoredCluster {
	id: number;
	center: [number, number];
}

/** Serialisable state carried from one update to the next (warm start, stickiness, smoother). */
export interface OpinionMapState {
	version: 1;
	pca: { tids: string[]; comps: number[][] } | null;
	inConv: string[];
	baseClusters: Array<StoredCluster & { members: string[] }>;
	groupClusterings: Record<string, Array<StoredCluster & { members: number[] }>>;
	smoother: { lastK: number | null; lastKCount: number; smoothedK: number | null };
}
