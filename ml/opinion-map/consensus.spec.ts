import { describe, expect, it } from 'vitest';
import { groupAwareConsensus, selectConsensus } from './consensus';
import type { Tally } from './group-votes';
import { propTest } from './stats';

const total = (A: number[], D: number[], S: number[]): Tally => ({
	nGroups: 1,
	nCols: A.length,
	A: Int32Array.from(A),
	D: Int32Array.from(D),
	S: Int32Array.from(S)
});

describe('selectConsensus', () => {
	it('keeps significant majorities, ranked by p × test, moderated-out excluded', () => {
		const t = total([18, 36, 6, 40, 2], [1, 2, 5, 0, 20], [20, 40, 20, 40, 22]);
		const out = selectConsensus(t, ['a', 'b', 'c', 'd', 'e'], Uint8Array.of(0, 0, 0, 1, 0));
		expect(out.agree.map((c) => c.tid)).toEqual(['b', 'a']);
		expect(out.agree[1]).toEqual({
			tid: 'a',
			nSuccess: 18,
			nTrials: 20,
			pSuccess: 19 / 22,
			pTest: propTest(18, 20)
		});
		expect(out.disagree.map((c) => c.tid)).toEqual(['e']);
	});
	it('takes at most 5', () => {
		const t = total(Array(8).fill(30), Array(8).fill(0), Array(8).fill(30));
		expect(selectConsensus(t, 'abcdefgh'.split(''), new Uint8Array(8)).agree).toHaveLength(5);
	});
});

describe('groupAwareConsensus', () => {
	it('multiplies (A + 1) / (S + 2) over the groups, passes counted in S', () => {
		const t: Tally = {
			nGroups: 2,
			nCols: 1,
			A: Int32Array.of(3, 1),
			D: Int32Array.of(0, 1),
			S: Int32Array.of(4, 2)
		};
		const g = groupAwareConsensus(t, ['c']);
		expect(g.c.agree).toBeCloseTo((4 / 6) * (2 / 4), 12);
		expect(g.c.disagree).toBeCloseTo((1 / 6) * (2 / 4), 12);
	});
});
