/**
 * Opinion-map façade: one call runs Polis's whole math update (polismath `conversation.clj`
 * `small-conv-update-graph`) on a vote list and returns the map plus the state for the next call.
 *
 *   votes → latest-vote matrix → mean imputation → 2-component power-iteration PCA →
 *   sparsity-aware projection → in-conv selection → base k-means (k = 100) →
 *   weighted group k-means for k = 2..5 → silhouette + k smoother → repness, consensus,
 *   group-aware consensus.
 *
 * Pure and deterministic: no I/O, no clock, a seeded PRNG for the one random draw.
 */
import { groupAwareConsensus, selectConsensus } from './consensus';
import { tally } from './group-votes';
import { clusterGroups } from './groups';
import { selectInConv } from './in-conv';
import { alignStartVectors, centeredSparse, powerIterationPca } from './pca';
import { mulberry32 } from './prng';
import { projectComments, projectParticipants } from './projection';
import { groupRepness } from './repness';
import type {
	OpinionMapInput,
	OpinionMapOptions,
	OpinionMapResult,
	OpinionMapState,
	ParticipantPlacement
} from './types';
import { buildVoteMatrix, columnMeans, rowVoteCounts } from './vote-matrix';

export type * from './types';

export const DEFAULT_OPTIONS: Readonly<OpinionMapOptions> = {
	seed: 20240101,
	pcaIters: 100,
	pcaColdIters: 1000,
	pcaTolerance: 1e-9,
	baseK: 100,
	baseIters: 100,
	maxK: 5,
	groupIters: 100,
	kBuffer: 4,
	minVotes: 7,
	greedyN: 15
};

export function emptyState(): OpinionMapState {
	return {
		version: 1,
		pca: null,
		inConv: [],
		baseClusters: [],
		groupClusterings: {},
		smoother: { lastK: null, lastKCount: 0, smoothedK: null }
	};
}

export function computeOpinionMap(
	input: OpinionMapInput,
	previousState?: OpinionMapState | null,
	options?: Partial<OpinionMapOptions>
): { result: OpinionMapResult; state: OpinionMapState } {
	const o: OpinionMapOptions = { ...DEFAULT_OPTIONS, ...options };
	const prev = previousState ?? null;
	if (prev && prev.version !== 1) throw new Error(`unsupported opinion-map state version`);

	const m = buildVoteMatrix(input);
	const nRows = m.rows.length;
	const nCols = m.cols.length;
	const counts = rowVoteCounts(m);

	const means = columnMeans(m);
	const pca = powerIterationPca(centeredSparse(m, means), means, {
		nComps: 2,
		maxIters: o.pcaIters,
		coldIters: o.pcaColdIters,
		tolerance: o.pcaTolerance,
		startVectors: alignStartVectors(prev?.pca ?? null, m.cols),
		rng: mulberry32(o.seed)
	});
	const proj = projectParticipants(m, pca);

	const inConv = selectInConv(
		m.rows,
		counts,
		nCols,
		prev ? new Set(prev.inConv) : null,
		o.minVotes,
		o.greedyN
	);
	const inRows: number[] = [];
	for (let r = 0; r < nRows; r++) if (inConv[r]) inRows.push(r);
	const points = {
		x: Float64Array.from(inRows, (r) => proj.x[r]),
		y: Float64Array.from(inRows, (r) => proj.y[r])
	};
	const pids = inRows.map((r) => m.rows[r]);
	const grouping = clusterGroups(points, pids, prev, o);
	const { base, groups } = grouping;
	const k = groups.length;

	// Flatten group → base cluster → participant.
	const groupOfRow = new Int32Array(nRows).fill(-1);
	const baseOfRow = new Int32Array(nRows).fill(-1);
	groups.forEach((g, gi) => {
		for (const b of g.members) {
			for (const i of base[b].members) {
				groupOfRow[inRows[i]] = gi;
				baseOfRow[inRows[i]] = base[b].id;
			}
		}
	});

	const groupTally = tally(m, groupOfRow, k);
	const everyone = new Int32Array(nRows);
	const consensus = selectConsensus(tally(m, everyone, 1), m.cols, m.modOut);
	const cmt = projectComments(m, pca);

	const participants: ParticipantPlacement[] = m.rows.map((pid, r) => ({
		pid,
		x: proj.x[r],
		y: proj.y[r],
		nVotes: counts[r],
		clustered: inConv[r] === 1,
		group: groupOfRow[r] >= 0 ? groupOfRow[r] : null,
		baseCluster: baseOfRow[r] >= 0 ? baseOfRow[r] : null
	}));

	const result: OpinionMapResult = {
		participants,
		k,
		groups: groups.map((g, index) => ({
			index,
			id: g.id,
			size: g.members.reduce((s, b) => s + base[b].members.length, 0),
			center: [g.cx, g.cy],
			baseClusters: g.members.map((b) => base[b].id)
		})),
		repness: groupRepness(groupTally, m.cols, m.modOut),
		consensus,
		groupAwareConsensus: groupAwareConsensus(groupTally, m.cols),
		comments: m.cols.map((tid, c) => ({
			tid,
			x: cmt.x[c],
			y: cmt.y[c],
			extremity: cmt.extremity[c],
			modOut: m.modOut[c] === 1
		})),
		diagnostics: {
			nParticipants: nRows,
			nComments: nCols,
			nVotes: m.colIdx.length,
			nClustered: inRows.length,
			nBaseClusters: base.length,
			silhouettes: grouping.silhouettes,
			bestK: grouping.bestK,
			pcaIterations: pca.iterations,
			pcaEigenvalues: pca.eigenvalues,
			baseIterations: grouping.baseIterations,
			groupIterations: grouping.groupIterations
		}
	};

	const groupClusterings: OpinionMapState['groupClusterings'] = {};
	for (const [kk, cs] of grouping.clusterings) {
		groupClusterings[String(kk)] = cs.map((c) => ({
			id: c.id,
			center: [c.cx, c.cy],
			members: c.members.map((b) => base[b].id)
		}));
	}
	const state: OpinionMapState = {
		version: 1,
		pca: pca.comps.length
			? { tids: [...m.cols], comps: pca.comps.map((v) => Array.from(v)) }
			: null,
		inConv: pids,
		baseClusters: base.map((c) => ({
			id: c.id,
			center: [c.cx, c.cy],
			members: c.members.map((i) => pids[i])
		})),
		groupClusterings,
		smoother: grouping.smoother
	};
	return { result, state };
}
