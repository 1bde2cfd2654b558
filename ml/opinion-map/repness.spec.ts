import { describe, expect, it } from 'vitest';
import type { Tally } from './group-votes';
import {
	beatsBestAgree,
	commentGroupStats,
	finalize,
	groupRepness,
	passesByTest,
	repnessMetric,
	selectRepComments
} from './repness';
import { propTest, twoPropTest } from './stats';

describe('comment stats', () => {
	const s = commentGroupStats('c', 8, 1, 10, 2, 7, 10);
	it('computes pseudocounted probabilities, ratios and tests', () => {
		expect(s.pa).toBeCloseTo(9 / 12, 12);
		expect(s.pd).toBeCloseTo(2 / 12, 12);
		expect(s.ra).toBeCloseTo(9 / 12 / (3 / 12), 12);
		expect(s.rd).toBeCloseTo(2 / 12 / (8 / 12), 12);
		expect(s.pat).toBeCloseTo(propTest(8, 10), 12);
		expect(s.rat).toBeCloseTo(twoPropTest(8, 2, 10, 10), 12);
		expect(s.rdt).toBeCloseTo(twoPropTest(1, 7, 10, 10), 12);
	});
	it('labels agree when rat > rdt and reports the agree numbers', () => {
		expect(passesByTest(s)).toBe(true);
		expect(finalize(s)).toEqual({
			tid: 'c',
			label: 'agree',
			repness: s.ra,
			repnessTest: s.rat,
			pSuccess: s.pa,
			pTest: s.pat,
			nSuccess: 8,
			nTrials: 10
		});
		expect(finalize(commentGroupStats('d', 1, 8, 10, 7, 2, 10)).label).toBe('disagree');
	});
	it('never picks a comment without agrees or disagrees as best agree', () => {
		expect(beatsBestAgree(commentGroupStats('p', 0, 0, 5, 3, 3, 9), null)).toBe(false);
	});
});

describe('selectRepComments', () => {
	// Group of 20 against a rest of 20.
	const agree = (tid: string, na: number, restNa: number) =>
		commentGroupStats(tid, na, 20 - na, 20, restNa, 20 - restNa, 20);

	it('ranks by repness × test × p × p-test, best agree first, agrees before disagrees, 5 at most', () => {
		const stats = [
			agree('a1', 15, 5),
			agree('d1', 0, 19), // strongly disagree-representative
			agree('a2', 18, 2),
			agree('a3', 16, 6),
			agree('d2', 2, 15),
			agree('a4', 14, 7),
			agree('a5', 13, 6)
		];
		const out = selectRepComments(stats);
		expect(out).toHaveLength(5);
		expect(out[0]).toMatchObject({ tid: 'a2', bestAgree: true, nAgree: 18 });
		const labels = out.map((r) => r.label);
		expect(labels).toEqual([...labels].sort());
		// Among the rest, the metric decides which made it and in which order.
		const rest = out.slice(1);
		const agrees = rest.filter((r) => r.label === 'agree');
		expect(agrees.map(repnessMetric)).toEqual([...agrees.map(repnessMetric)].sort((x, y) => y - x));
		expect(out.map((r) => r.tid)).toContain('d1');
	});

	it('falls back to the best agree comment when nothing is significant', () => {
		const weak = [agree('w1', 11, 10), agree('w2', 12, 10)];
		const out = selectRepComments(weak);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ tid: 'w2', bestAgree: true });
	});

	it('falls back to the best comment by test when there is no best agree', () => {
		// Few agrees and nothing significant: no best agree; best by max(rat, rdt) wins.
		const out = selectRepComments([
			commentGroupStats('x', 0, 2, 6, 0, 1, 6),
			commentGroupStats('y', 0, 3, 6, 0, 1, 6)
		]);
		expect(out).toHaveLength(1);
		expect(out[0].tid).toBe('y');
		expect(out[0].bestAgree).toBeUndefined();
	});
});

describe('groupRepness', () => {
	it('compares each group with the other groups and skips moderated-out comments', () => {
		// Two groups, three comments; comment 2 is moderated out.
		const t: Tally = {
			nGroups: 2,
			nCols: 3,
			A: Int32Array.of(10, 0, 10, 0, 10, 0),
			D: Int32Array.of(0, 10, 0, 10, 0, 10),
			S: Int32Array.of(10, 10, 10, 10, 10, 10)
		};
		const out = groupRepness(t, ['c0', 'c1', 'c2'], Uint8Array.of(0, 0, 1));
		expect(out[0].map((r) => [r.tid, r.label])).toEqual([
			['c0', 'agree'],
			['c1', 'disagree']
		]);
		expect(out[1].map((r) => [r.tid, r.label])).toEqual([
			['c1', 'agree'],
			['c0', 'disagree']
		]);
		expect(out.flat().some((r) => r.tid === 'c2')).toBe(false);
	});
});
