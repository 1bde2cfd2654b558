import { describe, expect, it } from 'vitest';
import { buildVoteMatrix, columnMeans, rowVoteCounts } from './vote-matrix';
import type { VoteRecord } from './types';

function cells(m: ReturnType<typeof buildVoteMatrix>): Record<string, number> {
	const out: Record<string, number> = {};
	m.rows.forEach((pid, r) => {
		for (let e = m.rowPtr[r]; e < m.rowPtr[r + 1]; e++)
			out[`${pid}/${m.cols[m.colIdx[e]]}`] = m.val[e];
	});
	return out;
}

describe('buildVoteMatrix', () => {
	const votes: VoteRecord[] = [
		{ pid: 'p1', tid: 't1', vote: 1 },
		{ pid: 'p1', tid: 't2', vote: -1 },
		{ pid: 'p2', tid: 't1', vote: 0 },
		{ pid: 'p1', tid: 't1', vote: -1 }, // changes their mind: the latest vote wins
		{ pid: 'p3', tid: 't2', vote: 1 }
	];
	const m = buildVoteMatrix({
		participants: ['p3', 'p1', 'p2', 'silent'],
		comments: ['t1', 't2', 'never-voted'],
		votes,
		modOut: new Set(['t2'])
	});

	it('keeps the latest vote per cell', () => {
		expect(cells(m)).toEqual({ 'p1/t1': -1, 'p1/t2': -1, 'p2/t1': 0, 'p3/t2': 1 });
	});
	it('drops participants and comments without votes', () => {
		expect(m.cols).toEqual(['t1', 't2']);
		expect(m.rows).not.toContain('silent');
	});
	it('orders rows like Polis: by first comment, then input order', () => {
		expect(m.rows).toEqual(['p1', 'p2', 'p3']);
	});
	it('flags moderated-out columns and counts raw votes', () => {
		expect(Array.from(m.modOut)).toEqual([0, 1]);
		expect(m.nModOut).toBe(1);
		expect(Array.from(rowVoteCounts(m))).toEqual([2, 1, 1]);
	});
	it('imputes with observed column means, 0 for zeroed columns', () => {
		expect(Array.from(columnMeans(m))).toEqual([-0.5, 0]);
	});
	it('accepts the compact typed-array form', () => {
		const c = buildVoteMatrix({
			participants: ['a', 'b'],
			comments: ['x'],
			votes: {
				pidIndex: Int32Array.of(1, 0, 1),
				tidIndex: Int32Array.of(0, 0, 0),
				vote: Int8Array.of(1, -1, 0)
			}
		});
		expect(cells(c)).toEqual({ 'a/x': -1, 'b/x': 0 });
	});
	it('rejects unknown ids and invalid votes', () => {
		expect(() =>
			buildVoteMatrix({
				participants: ['a'],
				comments: ['x'],
				votes: [{ pid: 'b', tid: 'x', vote: 1 }]
			})
		).toThrow(/unknown participant b/);
		expect(() =>
			buildVoteMatrix({
				participants: ['a'],
				comments: ['x'],
				votes: { pidIndex: Int32Array.of(0), tidIndex: Int32Array.of(0), vote: Int8Array.of(2) }
			})
		).toThrow(/not 1, -1 or 0/);
	});
});
