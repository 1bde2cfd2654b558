import { describe, expect, it } from 'vitest';
import { propTest, pseudoProb, twoPropTest, zSig90 } from './stats';

describe('propTest', () => {
	it('matches 2·sqrt(n+1)·((s+1)/(n+1) − 0.5)', () => {
		expect(propTest(5, 10)).toBeCloseTo(0.30151134457776335, 12);
		expect(propTest(9, 10)).toBeCloseTo(2.7136021011998723, 12);
		expect(propTest(0, 10)).toBeCloseTo(-2.7136021011998723, 12);
	});
	it('gives 1 with no data (the pseudocounts alone)', () => {
		expect(propTest(0, 0)).toBe(1);
	});
});

describe('twoPropTest', () => {
	it('compares the group with the rest, +1 on every count', () => {
		expect(twoPropTest(8, 2, 10, 10)).toBeCloseTo(2.5690465157330262, 12);
		expect(twoPropTest(2, 8, 10, 10)).toBeCloseTo(-2.5690465157330262, 12);
		expect(twoPropTest(5, 5, 10, 10)).toBe(0);
	});
	it('returns 0 instead of dividing by zero when everyone succeeded', () => {
		expect(twoPropTest(3, 40, 3, 40)).toBe(0);
	});
});

describe('significance and pseudocounts', () => {
	it('is one-sided at 1.2816', () => {
		expect(zSig90(1.2816)).toBe(false);
		expect(zSig90(1.2817)).toBe(true);
		expect(zSig90(-3)).toBe(false);
	});
	it('smooths probabilities as (n+1)/(N+2)', () => {
		expect(pseudoProb(0, 0)).toBe(0.5);
		expect(pseudoProb(3, 4)).toBeCloseTo(4 / 6, 15);
	});
});
