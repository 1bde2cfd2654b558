/**
 * The map recompute's engine runs in a worker thread: while a large map computes, the web
 * process's event loop keeps turning (the same engine on the main thread turns it zero times),
 * the answer comes from another thread, and it is the same answer as on the main thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import {
	computeOpinionMap,
	computeOpinionMapOffThread,
	stopOpinionMapThread,
	type MapInput
} from '../../../src/lib/server/conversations';

/** Two opinion camps and noise, from a fixed seed: 1 200 participants × 150 statements. */
function bigInput(): MapInput {
	let s = 42;
	const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const participants = Array.from({ length: 1200 }, (_, i) => `p${i}`);
	const comments = Array.from({ length: 150 }, (_, i) => `${i}`);
	const votes: MapInput['votes'] = [];
	participants.forEach((pid, i) => {
		const camp = i % 2 ? 1 : -1;
		for (const tid of comments) {
			if (rnd() < 0.5) continue;
			const lean = Number(tid) % 2 ? camp : -camp;
			const v = rnd() < 0.8 ? lean : rnd() < 0.5 ? 0 : -lean;
			votes.push({ pid, tid, vote: v as 1 | -1 | 0 });
		}
	});
	return { participants, comments, votes };
}

/** Counts event-loop turns until `p` settles. */
async function turnsWhile<T>(p: Promise<T>): Promise<{ value: T; turns: number }> {
	let turns = 0;
	let done = false;
	const spin = () => {
		if (done) return;
		turns++;
		setImmediate(spin);
	};
	setImmediate(spin);
	const value = await p.finally(() => (done = true));
	return { value, turns };
}

describe('opinion map off the event loop', () => {
	afterAll(() => stopOpinionMapThread());

	it('computes in a worker thread while the event loop keeps turning', async () => {
		const input = bigInput();
		// Warm the thread (start-up, JIT) so the measured run is the compute alone.
		await computeOpinionMapOffThread({ participants: ['a'], comments: ['1'], votes: [] });

		const t0 = performance.now();
		const onMain = computeOpinionMap(input, null);
		const mainMs = performance.now() - t0;
		const onMainTurns = await turnsWhile(Promise.resolve(onMain));
		expect(onMainTurns.turns).toBeLessThanOrEqual(1);

		const { value, turns } = await turnsWhile(computeOpinionMapOffThread(input, null));
		expect(value.threadId).not.toBe(threadId);
		// A synchronous compute of `mainMs` would have turned the loop zero times.
		expect(mainMs).toBeGreaterThan(20);
		expect(turns).toBeGreaterThan(10);
		expect(value.result).toEqual(JSON.parse(JSON.stringify(onMain.result)));
	});

	it('refuses a vote of an unknown participant, by name, before leaving the main thread', async () => {
		await expect(
			computeOpinionMapOffThread({
				participants: ['a'],
				comments: ['1'],
				votes: [{ pid: 'x', tid: '1', vote: 1 }]
			})
		).rejects.toThrow(/unknown participant x/);
	});
});
