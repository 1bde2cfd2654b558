/**
 * Vote tallies per group and comment (polismath `conversation.clj` `:votes-base`, `group-votes`):
 * A = agrees, D = disagrees, S = all seen votes (passes included), counted over clustered
 * participants only, from the raw (un-zeroed) matrix.
 */
import type { VoteMatrix } from './vote-matrix';

export interface Tally {
	nGroups: number;
	nCols: number;
	/** Indexed [g * nCols + c]. */
	A: Int32Array;
	D: Int32Array;
	S: Int32Array;
}

/** Tallies rows by `groupOfRow` (−1 = not counted); pass all zeros and nGroups 1 for a total. */
export function tally(m: VoteMatrix, groupOfRow: Int32Array, nGroups: number): Tally {
	const nCols = m.cols.length;
	const A = new Int32Array(nGroups * nCols);
	const D = new Int32Array(nGroups * nCols);
	const S = new Int32Array(nGroups * nCols);
	for (let r = 0; r < m.rows.length; r++) {
		const g = groupOfRow[r];
		if (g < 0) continue;
		const off = g * nCols;
		for (let e = m.rowPtr[r]; e < m.rowPtr[r + 1]; e++) {
			const i = off + m.colIdx[e];
			const v = m.val[e];
			S[i]++;
			if (v > 0) A[i]++;
			else if (v < 0) D[i]++;
		}
	}
	return { nGroups, nCols, A, D, S };
}
