import { describe, expect, it } from 'vitest';
import type { PcaResult } from './pca';
import { projectComments, projectParticipants } from './projection';
import { buildVoteMatrix } from './vote-matrix';

describe('sparsity-aware projection', () => {
	const m = buildVoteMatrix({
		participants: ['full', 'one', 'modOnly'],
		comments: ['t1', 't2', 't3'],
		votes: [
			{ pid: 'full', tid: 't1', vote: 1 },
			{ pid: 'full', tid: 't2', vote: -1 },
			{ pid: 'full', tid: 't3', vote: 1 },
			{ pid: 'one', tid: 't1', vote: -1 },
			{ pid: 'modOnly', tid: 't3', vote: -1 }
		],
		modOut: new Set(['t3'])
	});
	const pca: PcaResult = {
		center: Float64Array.of(0.5, 0, 0),
		comps: [Float64Array.of(1, 0, 0), Float64Array.of(0, 1, 0)],
		iterations: [1],
		eigenvalues: [1, 1]
	};
	const at = (pid: string) => m.rows.indexOf(pid);
	const p = projectParticipants(m, pca);

	it('projects voted cells only, centred on the column mean', () => {
		// 2 real votes + the zeroed column, which counts for everybody: scale sqrt(3/3).
		expect(p.x[at('full')]).toBeCloseTo(0.5, 12);
		expect(p.y[at('full')]).toBeCloseTo(-1, 12);
	});
	it('scales by sqrt(nComments / nVotes), moderated-out columns counted as votes', () => {
		expect(p.x[at('one')]).toBeCloseTo(-1.5 * Math.sqrt(3 / 2), 12);
		expect(p.y[at('one')]).toBe(0);
	});
	it('puts someone who only voted on moderated-out comments at the origin', () => {
		expect(p.x[at('modOnly')]).toBe(0);
		expect(p.y[at('modOnly')]).toBe(0);
	});
	it('places each comment where a lone agreer would land', () => {
		const c = projectComments(m, pca);
		expect(c.x[0]).toBeCloseTo((1 - 0.5) * Math.sqrt(3), 12);
		expect(c.y[1]).toBeCloseTo(Math.sqrt(3), 12);
		expect(c.extremity[1]).toBeCloseTo(Math.sqrt(3), 12);
		expect(c.extremity[2]).toBe(0);
	});
});
