import { describe, expect, it } from 'vitest';
import { npsFromCounts } from './nps';

describe('npsFromCounts', () => {
	it('computes NPS and a 95 % interval by the standard variance formula', () => {
		// 10 answers: 5 promoters (9,10), 3 passives (7,8), 2 detractors (0–6)
		const counts = [0, 0, 1, 0, 0, 0, 1, 2, 1, 3, 2];
		const r = npsFromCounts(counts);
		expect(r).toMatchObject({ n: 10, promoters: 5, passives: 3, detractors: 2, nps: 30 });
		// var = 0.5 + 0.2 − 0.3² = 0.61; se = sqrt(0.061) = 0.24698; ±1.96·se = ±48.4
		expect(r.ciLow).toBeCloseTo(-18.4, 1);
		expect(r.ciHigh).toBeCloseTo(78.4, 1);
	});

	it('returns no figure without answers and clips the interval', () => {
		expect(npsFromCounts(new Array(11).fill(0)).nps).toBeNull();
		const all = npsFromCounts([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
		expect(all).toMatchObject({ nps: 100, ciLow: 100, ciHigh: 100 });
	});
});
