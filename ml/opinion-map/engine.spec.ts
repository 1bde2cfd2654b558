import { describe, expect, it } from 'vitest';
import { computeOpinionMap } from './engine';
import { adjustedRandIndex } from './adjusted-rand';
import { mulberry32 } from './prng';
import type { OpinionMapInput, OpinionMapState, Vote, VoteRecord } from './types';

/** Planted conversation: participant p is in camp p % camps; each comment splits the camps. */
function planted(seed: number, nP = 300, nC = 40, camps = 3, density = 0.6): OpinionMapInput {
	const rnd = mulberry32(seed);
	const stance = Array.from({ length: nC * camps }, () => (rnd() < 0.5 ? 1 : -1));
	const votes: VoteRecord[] = [];
	for (let p = 0; p < nP; p++) {
		for (let c = 0; c < nC; c++) {
			if (rnd() > density) continue;
			const u = rnd();
			const lean = stance[c * camps + (p % camps)];
			const vote = (u < 0.1 ? 0 : u < 0.88 ? lean : -lean) as Vote;
			votes.push({ pid: `p${p}`, tid: `c${c}`, vote });
		}
	}
	return {
		participants: Array.from({ length: nP }, (_, i) => `p${i}`),
		comments: Array.from({ length: nC }, (_, i) => `c${i}`),
		votes
	};
}

const groupsOf = (r: ReturnType<typeof computeOpinionMap>['result']) =>
	new Map(r.participants.filter((p) => p.group !== null).map((p) => [p.pid, p.group as number]));

describe('computeOpinionMap', () => {
	const input = planted(11);

	it('recovers planted opinion groups', () => {
		const { result } = computeOpinionMap(input);
		expect(result.k).toBe(3);
		const ours = groupsOf(result);
		const pids = [...ours.keys()];
		expect(
			adjustedRandIndex(
				pids.map((p) => ours.get(p) ?? -1),
				pids.map((p) => Number(p.slice(1)) % 3)
			)
		).toBe(1);
		expect(result.groups.map((g) => g.size).reduce((a, b) => a + b, 0)).toBe(
			result.diagnostics.nClustered
		);
		for (const reps of result.repness) expect(reps.length).toBeGreaterThan(0);
		expect(Object.keys(result.groupAwareConsensus)).toHaveLength(40);
	});

	it('is deterministic: two runs give identical output', () => {
		const a = computeOpinionMap(input);
		const b = computeOpinionMap(input);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
	});

	it('does not depend on the order participants are listed in, only on join order ties', () => {
		const a = computeOpinionMap(input).result;
		const b = computeOpinionMap({
			...input,
			participants: [...input.participants].reverse()
		}).result;
		const ga = groupsOf(a);
		const gb = groupsOf(b);
		const pids = [...ga.keys()];
		expect(
			adjustedRandIndex(
				pids.map((p) => ga.get(p) ?? -1),
				pids.map((p) => gb.get(p) ?? -1)
			)
		).toBe(1);
	});

	it('warm-starts from a JSON round-tripped state and stays put on unchanged votes', () => {
		const first = computeOpinionMap(input);
		const state = JSON.parse(JSON.stringify(first.state)) as OpinionMapState;
		const second = computeOpinionMap(input, state);
		expect(second.result.diagnostics.baseIterations).toBe(1);
		expect(second.result.diagnostics.pcaIterations[0]).toBeLessThanOrEqual(2);
		expect(groupsOf(second.result)).toEqual(groupsOf(first.result));
		expect(second.state.smoother).toEqual({ lastK: 3, lastKCount: 2, smoothedK: 3 });
		second.result.participants.forEach((p, i) => {
			expect(p.x).toBeCloseTo(first.result.participants[i].x, 6);
			expect(p.y).toBeCloseTo(first.result.participants[i].y, 6);
		});
	});

	it('keeps group ids and axis orientation as votes arrive', () => {
		const all = input.votes as VoteRecord[];
		const early = computeOpinionMap({
			...input,
			votes: all.slice(0, Math.floor(all.length * 0.8))
		});
		const late = computeOpinionMap(input, early.state);
		const ge = groupsOf(early.result);
		const gl = groupsOf(late.result);
		const shared = [...ge.keys()].filter((p) => gl.has(p));
		const same = shared.filter((p) => ge.get(p) === gl.get(p)).length;
		expect(same / shared.length).toBeGreaterThan(0.95);
		const dot = early.state.pca!.comps[0].reduce(
			(s, x, i) => s + x * late.state.pca!.comps[0][i],
			0
		);
		expect(dot).toBeGreaterThan(0.9);
	});

	it('keeps clustered participants clustered (sticky in-conv)', () => {
		const first = computeOpinionMap(input);
		let kept = 0;
		const few: OpinionMapInput = {
			...input,
			votes: (input.votes as VoteRecord[]).filter((v) => v.pid !== 'p0' || kept++ < 2)
		};
		expect(computeOpinionMap(few).result.participants.find((p) => p.pid === 'p0')?.clustered).toBe(
			false
		);
		expect(
			computeOpinionMap(few, first.state).result.participants.find((p) => p.pid === 'p0')?.clustered
		).toBe(true);
	});

	it('zeroes moderated-out and meta comments and never reports them', () => {
		const modOut = new Set(['c0', 'c1']);
		const meta = new Set(['c2']);
		const { result } = computeOpinionMap({ ...input, modOut, meta });
		const reported = [
			...result.repness.flat().map((r) => r.tid),
			...result.consensus.agree.map((c) => c.tid),
			...result.consensus.disagree.map((c) => c.tid)
		];
		for (const t of ['c0', 'c1', 'c2']) expect(reported).not.toContain(t);
		expect(result.comments.filter((c) => c.modOut).map((c) => c.tid)).toEqual(['c0', 'c1', 'c2']);
	});

	it('labels by the agree = +1 convention', () => {
		const votes: VoteRecord[] = [];
		for (let p = 0; p < 40; p++) {
			for (let c = 0; c < 10; c++) {
				const camp = p < 20 ? 1 : -1;
				votes.push({
					pid: `p${p}`,
					tid: `c${c}`,
					vote: (c === 0 ? 1 : c % 2 ? camp : -camp) as Vote
				});
			}
		}
		const { result } = computeOpinionMap({
			participants: Array.from({ length: 40 }, (_, i) => `p${i}`),
			comments: Array.from({ length: 10 }, (_, i) => `c${i}`),
			votes
		});
		expect(result.consensus.agree.map((c) => c.tid)).toContain('c0');
		expect(result.k).toBe(2);
		const campOf = (g: number) =>
			result.participants.find((p) => p.group === g)!.pid < 'p20' ? 1 : -1;
		result.repness.forEach((reps, g) => {
			for (const r of reps.filter((x) => x.tid !== 'c0')) {
				const odd = Number(r.tid.slice(1)) % 2 === 1;
				expect(r.label).toBe((campOf(g) === 1) === odd ? 'agree' : 'disagree');
			}
		});
	});

	it('handles empty and tiny conversations', () => {
		const none = computeOpinionMap({ participants: ['a'], comments: ['x'], votes: [] });
		expect(none.result.k).toBe(0);
		expect(none.result.participants).toEqual([]);
		const one = computeOpinionMap({
			participants: ['a'],
			comments: ['x'],
			votes: [{ pid: 'a', tid: 'x', vote: 1 }]
		});
		expect(one.result.k).toBe(1);
		expect(one.result.participants[0]).toMatchObject({ x: 0, y: 0, group: 0 });
		const oneComment = computeOpinionMap({
			participants: ['a', 'b', 'c'],
			comments: ['x'],
			votes: [
				{ pid: 'a', tid: 'x', vote: 1 },
				{ pid: 'b', tid: 'x', vote: -1 },
				{ pid: 'c', tid: 'x', vote: 1 }
			]
		});
		// One column: positions along PC1 (Polis would put everyone at [0,0], quirk Q16).
		expect(oneComment.result.participants.map((p) => Math.sign(p.x))).toEqual([1, -1, 1]);
		expect(oneComment.result.k).toBe(2);
	});

	it('rejects a state of another version', () => {
		const bad = { version: 2 } as unknown as OpinionMapState;
		expect(() => computeOpinionMap(input, bad)).toThrow(/state version/);
	});
});
