/**
 * Sparsity-aware projection (polismath `pca.clj` `sparsity-aware-project-ptpt`,
 * `pca-project-cmnts`; red-dwarf `SparsityAwareScaler`).
 *
 * A participant is projected from their voted cells only, each centred on its column mean, and
 * the result is scaled by sqrt(nCols / max(nVotes, 1)) so that people with few votes are not all
 * piled up at the origin. As in Polis, nVotes counts every non-missing cell of the zeroed rating
 * matrix: a moderated-out column is zero for *every* row, so each one counts for everybody.
 */
import type { PcaResult } from './pca';
import type { VoteMatrix } from './vote-matrix';

export interface Projection {
	x: Float64Array;
	y: Float64Array;
}

export function projectParticipants(m: VoteMatrix, pca: PcaResult): Projection {
	const nRows = m.rows.length;
	const nCols = m.cols.length;
	const x = new Float64Array(nRows);
	const y = new Float64Array(nRows);
	const pc1 = pca.comps[0];
	const pc2 = pca.comps[1];
	const mean = pca.center;
	for (let r = 0; r < nRows; r++) {
		let nVotes = m.nModOut;
		let p1 = 0;
		let p2 = 0;
		for (let e = m.rowPtr[r]; e < m.rowPtr[r + 1]; e++) {
			const c = m.colIdx[e];
			if (m.modOut[c]) continue;
			nVotes++;
			const d = m.val[e] - mean[c];
			if (pc1) p1 += d * pc1[c];
			if (pc2) p2 += d * pc2[c];
		}
		const scale = Math.sqrt(nCols / Math.max(nVotes, 1));
		x[r] = p1 * scale;
		y[r] = p2 * scale;
	}
	return { x, y };
}

/**
 * Where a virtual participant who agreed with comment j only would land:
 * sqrt(nCols)·(+1 − mean_j)·(pc1_j, pc2_j). Extremity is that point's distance from the origin.
 * (Polis writes agree as −1 internally; with agree = +1 this is the same point.)
 */
export function projectComments(
	m: VoteMatrix,
	pca: PcaResult
): { x: Float64Array; y: Float64Array; extremity: Float64Array } {
	const n = m.cols.length;
	const x = new Float64Array(n);
	const y = new Float64Array(n);
	const extremity = new Float64Array(n);
	const scale = Math.sqrt(n);
	for (let c = 0; c < n; c++) {
		if (m.modOut[c]) continue;
		const d = (1 - pca.center[c]) * scale;
		x[c] = d * (pca.comps[0]?.[c] ?? 0);
		y[c] = d * (pca.comps[1]?.[c] ?? 0);
		extremity[c] = Math.hypot(x[c], y[c]);
	}
	return { x, y, extremity };
}
