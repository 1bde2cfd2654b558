import { describe, expect, it } from 'vitest';
import { processPhase } from './public-view';

describe('processPhase', () => {
	it("follows the module's own stage while the tracker has nothing", () => {
		expect(processPhase(0, null)).toBe(0);
		expect(processPhase(1, null)).toBe(1);
		expect(processPhase(2, { findings: 0, answered: 0 })).toBe(2);
	});
	it('moves on to results once findings are in the tracker, and to what came of it once one is answered', () => {
		expect(processPhase(1, { findings: 3, answered: 0 })).toBe(2);
		expect(processPhase(1, { findings: 3, answered: 1 })).toBe(3);
		expect(processPhase(2, { findings: 2, answered: 2 })).toBe(3);
	});
});
