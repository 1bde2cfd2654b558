import { describe, expect, it } from 'vitest';
import { selectInConv } from './in-conv';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
const chosen = (rows: string[], flags: Uint8Array) => rows.filter((_, i) => flags[i]);

describe('selectInConv', () => {
	it('takes everyone with at least min(7, nComments) votes', () => {
		const rows = ids(20);
		const counts = Int32Array.from(rows, (_, i) => (i < 16 ? 7 : 6));
		expect(chosen(rows, selectInConv(rows, counts, 50, null, 7, 15))).toEqual(rows.slice(0, 16));
	});
	it('lowers the bar to the number of comments in small conversations', () => {
		const rows = ids(20);
		const counts = Int32Array.from(rows, (_, i) => (i < 3 ? 3 : 2));
		const flags = selectInConv(rows, counts, 3, null, 7, 0);
		expect(chosen(rows, flags)).toEqual(['p0', 'p1', 'p2']);
	});
	it('tops up with the most active voters until there are 15', () => {
		const rows = ids(20);
		const counts = Int32Array.from(rows, (_, i) => (i < 10 ? 9 : i - 10));
		const picked = chosen(rows, selectInConv(rows, counts, 50, null, 7, 15));
		expect(picked).toHaveLength(15);
		expect(picked).toEqual([...rows.slice(0, 10), 'p15', 'p16', 'p17', 'p18', 'p19']);
	});
	it('keeps previous members in even below the bar (sticky)', () => {
		const rows = ids(20);
		const counts = Int32Array.from(rows, () => 8);
		counts[19] = 1;
		const picked = chosen(rows, selectInConv(rows, counts, 50, new Set(['p19']), 7, 15));
		expect(picked).toContain('p19');
		expect(picked).toHaveLength(20);
	});
});
