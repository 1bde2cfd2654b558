/**
 * Representative comments per group (polismath `repness.clj`: `comment-stats`,
 * `add-comparitive-stats`, `passes-by-test?`, `beats-best-agr?`, `finalize-cmt-stats`,
 * `select-rep-comments`; `stats.clj`).
 *
 * For group g and comment c, with "rest" = the clustered participants of all other groups:
 *   pa = (na+1)/(ns+2), pat = propTest(na, ns), ra = pa / ((restNa+1)/(restNs+2)),
 *   rat = twoPropTest(na, restNa, ns, restNs), and the same for disagree.
 * A comment is sufficient when (rat > 1.2816 and pat > 1.2816) or (rdt > 1.2816 and pdt > 1.2816).
 * Sufficient comments are ranked by repness × repnessTest × p × pTest; the group's "best agree"
 * comment goes in front, the top 5 are kept, agrees listed before disagrees. With nothing
 * sufficient, the group gets its best agree comment, else its best comment by test, else nothing.
 * Moderated-out comments are never candidates.
 */
import type { Tally } from './group-votes';
import { propTest, pseudoProb, twoPropTest, zSig90 } from './stats';
import type { RepComment } from './types';

export interface CommentGroupStats {
	tid: string;
	na: number;
	nd: number;
	ns: number;
	pa: number;
	pd: number;
	pat: number;
	pdt: number;
	ra: number;
	rd: number;
	rat: number;
	rdt: number;
}

export function commentGroupStats(
	tid: string,
	na: number,
	nd: number,
	ns: number,
	restNa: number,
	restNd: number,
	restNs: number
): CommentGroupStats {
	const pa = pseudoProb(na, ns);
	const pd = pseudoProb(nd, ns);
	return {
		tid,
		na,
		nd,
		ns,
		pa,
		pd,
		pat: propTest(na, ns),
		pdt: propTest(nd, ns),
		ra: pa / pseudoProb(restNa, restNs),
		rd: pd / pseudoProb(restNd, restNs),
		rat: twoPropTest(na, restNa, ns, restNs),
		rdt: twoPropTest(nd, restNd, ns, restNs)
	};
}

export function passesByTest(s: CommentGroupStats): boolean {
	return (zSig90(s.rat) && zSig90(s.pat)) || (zSig90(s.rdt) && zSig90(s.pdt));
}

/** Polis `beats-best-agr?`. */
export function beatsBestAgree(s: CommentGroupStats, best: CommentGroupStats | null): boolean {
	if (s.na === 0 && s.nd === 0) return false;
	if (best && best.ra > 1)
		return s.ra * s.rat * s.pa * s.pat > best.ra * best.rat * best.pa * best.pat;
	if (best) return s.pa * s.pat > best.pa * best.pat;
	return zSig90(s.pat) || (s.ra > 1 && s.pa > 0.5);
}

/** Labels a comment agree when rat > rdt, disagree otherwise. */
export function finalize(s: CommentGroupStats): RepComment {
	const agree = s.rat > s.rdt;
	return {
		tid: s.tid,
		label: agree ? 'agree' : 'disagree',
		repness: agree ? s.ra : s.rd,
		repnessTest: agree ? s.rat : s.rdt,
		pSuccess: agree ? s.pa : s.pd,
		pTest: agree ? s.pat : s.pdt,
		nSuccess: agree ? s.na : s.nd,
		nTrials: s.ns
	};
}

export function repnessMetric(r: RepComment): number {
	return r.repness * r.repnessTest * r.pSuccess * r.pTest;
}

/** Selects up to `take` representative comments for one group from its per-comment stats. */
export function selectRepComments(stats: CommentGroupStats[], take = 5): RepComment[] {
	const sufficient: RepComment[] = [];
	let best: RepComment | null = null;
	let bestAgree: CommentGroupStats | null = null;
	for (const s of stats) {
		if (passesByTest(s)) sufficient.push(finalize(s));
		if (sufficient.length === 0 && (best === null || Math.max(s.rat, s.rdt) > best.repnessTest)) {
			best = finalize(s);
		}
		if (beatsBestAgree(s, bestAgree)) bestAgree = s;
	}
	const head: RepComment | null = bestAgree
		? { ...finalize(bestAgree), nAgree: bestAgree.na, bestAgree: true }
		: null;
	if (sufficient.length === 0) return head ? [head] : best ? [best] : [];
	const ranked = sufficient
		.filter((r) => r.tid !== head?.tid)
		.sort((a, b) => repnessMetric(b) - repnessMetric(a));
	const top = (head ? [head, ...ranked] : ranked).slice(0, take);
	return [...top.filter((r) => r.label === 'agree'), ...top.filter((r) => r.label === 'disagree')];
}

/** Representative comments for every group, from per-group tallies. */
export function groupRepness(t: Tally, cols: string[], modOut: Uint8Array): RepComment[][] {
	const { nGroups, nCols, A, D, S } = t;
	const totA = new Int32Array(nCols);
	const totD = new Int32Array(nCols);
	const totS = new Int32Array(nCols);
	for (let g = 0; g < nGroups; g++) {
		for (let c = 0; c < nCols; c++) {
			totA[c] += A[g * nCols + c];
			totD[c] += D[g * nCols + c];
			totS[c] += S[g * nCols + c];
		}
	}
	const out: RepComment[][] = [];
	for (let g = 0; g < nGroups; g++) {
		const stats: CommentGroupStats[] = [];
		for (let c = 0; c < nCols; c++) {
			if (modOut[c]) continue;
			const i = g * nCols + c;
			stats.push(
				commentGroupStats(cols[c], A[i], D[i], S[i], totA[c] - A[i], totD[c] - D[i], totS[c] - S[i])
			);
		}
		out.push(selectRepComments(stats));
	}
	return out;
}
