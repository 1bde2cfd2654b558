/**
 * Consensus comments (polismath `repness.clj` `consensus-stats`, `select-consensus-comments`)
 * and group-aware consensus (`conversation.clj` node `:group-aware-consensus`).
 *
 * Consensus is taken over every participant with votes, not only the clustered ones: up to 5
 * comments with pa > 0.5 and propTest(na, ns) > 1.2816 ranked by pa·pat, and the same for
 * disagree. Moderated-out comments are excluded.
 *
 * Group-aware consensus of a comment is Π_g (A_g + 1) / (S_g + 2) over the groups (S counts
 * passes); the disagree twin Π_g (D_g + 1) / (S_g + 2) follows red-dwarf.
 */
import type { Tally } from './group-votes';
import { propTest, pseudoProb, zSig90 } from './stats';
import type { ConsensusComment } from './types';

export function selectConsensus(
	total: Tally,
	cols: string[],
	modOut: Uint8Array,
	take = 5
): { agree: ConsensusComment[]; disagree: ConsensusComment[] } {
	const agree: Array<ConsensusComment & { m: number }> = [];
	const disagree: Array<ConsensusComment & { m: number }> = [];
	for (let c = 0; c < cols.length; c++) {
		if (modOut[c]) continue;
		const na = total.A[c];
		const nd = total.D[c];
		const ns = total.S[c];
		const pa = pseudoProb(na, ns);
		const pd = pseudoProb(nd, ns);
		const pat = propTest(na, ns);
		const pdt = propTest(nd, ns);
		if (pa > 0.5 && zSig90(pat)) {
			agree.push({
				tid: cols[c],
				nSuccess: na,
				nTrials: ns,
				pSuccess: pa,
				pTest: pat,
				m: pa * pat
			});
		}
		if (pd > 0.5 && zSig90(pdt)) {
			disagree.push({
				tid: cols[c],
				nSuccess: nd,
				nTrials: ns,
				pSuccess: pd,
				pTest: pdt,
				m: pd * pdt
			});
		}
	}
	const top = (xs: Array<ConsensusComment & { m: number }>): ConsensusComment[] =>
		xs
			.sort((a, b) => b.m - a.m)
			.slice(0, take)
			.map((x) => ({
				tid: x.tid,
				nSuccess: x.nSuccess,
				nTrials: x.nTrials,
				pSuccess: x.pSuccess,
				pTest: x.pTest
			}));
	return { agree: top(agree), disagree: top(disagree) };
}

export function groupAwareConsensus(
	t: Tally,
	cols: string[]
): Record<string, { agree: number; disagree: number }> {
	const out: Record<string, { agree: number; disagree: number }> = {};
	if (t.nGroups === 0) return out;
	for (let c = 0; c < cols.length; c++) {
		let agree = 1;
		let disagree = 1;
		for (let g = 0; g < t.nGroups; g++) {
			const i = g * t.nCols + c;
			agree *= (t.A[i] + 1) / (t.S[i] + 2);
			disagree *= (t.D[i] + 1) / (t.S[i] + 2);
		}
		out[cols[c]] = { agree, disagree };
	}
	return out;
}
