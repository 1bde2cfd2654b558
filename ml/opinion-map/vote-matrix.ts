/**
 * Sparse participants × comments vote matrix (Polis `raw-rating-mat` / `rating-mat`,
 * polismath `conversation.clj`, `named_matrix.clj`).
 *
 * - Each cell holds the participant's latest vote (later input entries win, like Polis's assoc-in).
 * - Rows are participants with at least one vote; columns are comments with at least one vote.
 *   Polis's matrix has no rows or columns for them either.
 * - Row order is Polis's: Polis (re)loads votes ORDER BY tid, pid, so a participant's row comes
 *   where their lowest-numbered comment is, ties in participant order. The openData exports list
 *   participants in exactly that order. It matters: the cold k-means start takes the first 100
 *   distinct points in row order.
 * - Moderated-out and meta comments keep their column but are flagged: Polis zeroes those
 *   columns for every row, so they add nothing to the PCA but count as votes in the projection
 *   scaling.
 * Storage is CSR with typed arrays so a million votes cost a few megabytes.
 */
import type { CompactVotes, OpinionMapInput, VoteRecord } from './types';

export interface VoteMatrix {
	rows: string[];
	cols: string[];
	rowPtr: Int32Array;
	colIdx: Int32Array;
	/** agree = +1, disagree = −1, pass = 0 */
	val: Int8Array;
	/** 1 for moderated-out or meta columns. */
	modOut: Uint8Array;
	nModOut: number;
}

function isCompact(votes: OpinionMapInput['votes']): votes is CompactVotes {
	return !Array.isArray(votes);
}

/** Converts vote records to index form, rejecting unknown ids and invalid values. */
export function toCompactVotes(
	participants: string[],
	comments: string[],
	votes: VoteRecord[]
): CompactVotes {
	const pIndex = new Map<string, number>();
	participants.forEach((p, i) => pIndex.set(p, i));
	const tIndex = new Map<string, number>();
	comments.forEach((t, i) => tIndex.set(t, i));
	const n = votes.length;
	const out: CompactVotes = {
		pidIndex: new Int32Array(n),
		tidIndex: new Int32Array(n),
		vote: new Int8Array(n)
	};
	for (let i = 0; i < n; i++) {
		const v = votes[i];
		const p = pIndex.get(v.pid);
		const t = tIndex.get(v.tid);
		if (p === undefined) throw new Error(`vote ${i}: unknown participant ${v.pid}`);
		if (t === undefined) throw new Error(`vote ${i}: unknown comment ${v.tid}`);
		out.pidIndex[i] = p;
		out.tidIndex[i] = t;
		out.vote[i] = v.vote;
	}
	return out;
}

export function buildVoteMatrix(input: OpinionMapInput): VoteMatrix {
	const { participants, comments } = input;
	const cv = isCompact(input.votes)
		? input.votes
		: toCompactVotes(participants, comments, input.votes);
	const n = cv.vote.length;
	if (cv.pidIndex.length !== n || cv.tidIndex.length !== n) {
		throw new Error('compact votes: pidIndex, tidIndex and vote differ in length');
	}
	const nP = participants.length;
	const nC = comments.length;

	const perP = new Int32Array(nP);
	const minT = new Int32Array(nP).fill(nC);
	const colUsed = new Uint8Array(nC);
	for (let i = 0; i < n; i++) {
		const p = cv.pidIndex[i];
		const t = cv.tidIndex[i];
		const v = cv.vote[i];
		if (p < 0 || p >= nP || t < 0 || t >= nC) throw new Error(`vote ${i}: index out of range`);
		if (v !== 1 && v !== -1 && v !== 0) throw new Error(`vote ${i}: value ${v} is not 1, -1 or 0`);
		perP[p]++;
		if (t < minT[p]) minT[p] = t;
		colUsed[t] = 1;
	}

	// Counting sort of the voters by their first comment (stable in participant order).
	const firstAt = new Int32Array(nC + 1);
	for (let p = 0; p < nP; p++) if (perP[p] > 0) firstAt[minT[p] + 1]++;
	for (let t = 0; t < nC; t++) firstAt[t + 1] += firstAt[t];
	const rowOf = new Int32Array(nP).fill(-1);
	for (let p = 0; p < nP; p++) if (perP[p] > 0) rowOf[p] = firstAt[minT[p]]++;
	const rows: string[] = new Array<string>(firstAt[nC]);
	for (let p = 0; p < nP; p++) if (rowOf[p] >= 0) rows[rowOf[p]] = participants[p];
	const colOf = new Int32Array(nC).fill(-1);
	const cols: string[] = [];
	for (let t = 0; t < nC; t++) if (colUsed[t]) colOf[t] = cols.push(comments[t]) - 1;
	const nRows = rows.length;
	const nCols = cols.length;

	// Bucket the votes by row in arrival order, then keep one entry per cell (the latest).
	const start = new Int32Array(nRows + 1);
	for (let p = 0; p < nP; p++) if (rowOf[p] >= 0) start[rowOf[p] + 1] = perP[p];
	for (let r = 0; r < nRows; r++) start[r + 1] += start[r];
	const fill = start.slice(0, nRows);
	const colIdx = new Int32Array(n);
	const val = new Int8Array(n);
	for (let i = 0; i < n; i++) {
		const at = fill[rowOf[cv.pidIndex[i]]]++;
		colIdx[at] = colOf[cv.tidIndex[i]];
		val[at] = cv.vote[i];
	}
	const rowPtr = new Int32Array(nRows + 1);
	const stamp = new Int32Array(nCols).fill(-1);
	const pos = new Int32Array(nCols);
	let w = 0;
	for (let r = 0; r < nRows; r++) {
		for (let e = start[r]; e < start[r + 1]; e++) {
			const c = colIdx[e];
			if (stamp[c] === r) {
				val[pos[c]] = val[e];
			} else {
				stamp[c] = r;
				pos[c] = w;
				colIdx[w] = c;
				val[w] = val[e];
				w++;
			}
		}
		rowPtr[r + 1] = w;
	}

	const modOut = new Uint8Array(nCols);
	let nModOut = 0;
	for (let c = 0; c < nCols; c++) {
		const tid = cols[c];
		if (input.modOut?.has(tid) || input.meta?.has(tid)) {
			modOut[c] = 1;
			nModOut++;
		}
	}
	return {
		rows,
		cols,
		rowPtr,
		colIdx: w === n ? colIdx : colIdx.slice(0, w),
		val: w === n ? val : val.slice(0, w),
		modOut,
		nModOut
	};
}

/** Raw votes per row (Polis `user-vote-counts`): passes and moderated-out comments count. */
export function rowVoteCounts(m: VoteMatrix): Int32Array {
	const out = new Int32Array(m.rows.length);
	for (let r = 0; r < out.length; r++) out[r] = m.rowPtr[r + 1] - m.rowPtr[r];
	return out;
}

/**
 * Column means of the observed votes (Polis imputes every missing cell with these since
 * 2017-10). Zeroed columns have mean 0.
 */
export function columnMeans(m: VoteMatrix): Float64Array {
	const sum = new Float64Array(m.cols.length);
	const cnt = new Int32Array(m.cols.length);
	for (let e = 0; e < m.colIdx.length; e++) {
		sum[m.colIdx[e]] += m.val[e];
		cnt[m.colIdx[e]]++;
	}
	for (let c = 0; c < sum.length; c++) sum[c] = m.modOut[c] || cnt[c] === 0 ? 0 : sum[c] / cnt[c];
	return sum;
}
