import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/database';
import { startPeriodicJobs } from './periodic-jobs';
import type { JobLease } from './job-lease';

const db = {} as Db;
// No database here: every claim succeeds (the database lease has its own integration test).
const lease: JobLease = { claim: async () => ({ claimed: true, dueInMs: 0 }) };

describe('periodic jobs', () => {
	afterEach(() => vi.useRealTimers());

	it('runs each job on its interval and never overlaps runs', async () => {
		vi.useFakeTimers();
		let active = 0;
		let maxActive = 0;
		let runs = 0;
		const handle = startPeriodicJobs(
			db,
			[
				{
					name: 'slow',
					intervalMs: 100,
					run: async () => {
						active++;
						maxActive = Math.max(maxActive, active);
						runs++;
						await new Promise((r) => setTimeout(r, 250));
						active--;
					}
				}
			],
			{ lease }
		);
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs).toBeGreaterThanOrEqual(2);
		expect(maxActive).toBe(1);
		const stopping = handle.stop();
		await vi.advanceTimersByTimeAsync(300);
		await stopping;
		const after = runs;
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs).toBe(after);
	});

	it('keeps going after a failure and logs no details', async () => {
		vi.useFakeTimers();
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		let runs = 0;
		const handle = startPeriodicJobs(
			db,
			[
				{
					name: 'flaky',
					intervalMs: 50,
					run: async () => {
						runs++;
						if (runs === 1) throw new Error('boom');
					}
				}
			],
			{ lease }
		);
		await vi.advanceTimersByTimeAsync(200);
		expect(runs).toBeGreaterThanOrEqual(2);
		expect(log).toHaveBeenCalledWith('job flaky failed:', 'boom');
		await handle.stop();
		log.mockRestore();
	});

	it('runs a job on demand', async () => {
		let ran = false;
		const handle = startPeriodicJobs(
			db,
			[{ name: 'x', intervalMs: 60_000, run: async () => void (ran = true) }],
			{ lease }
		);
		await handle.runNow('x');
		expect(ran).toBe(true);
		await expect(handle.runNow('nope')).rejects.toThrow('no job nope');
		await handle.stop();
	});

	it('runs a daily job at start, not a day later, then on its interval', async () => {
		vi.useFakeTimers();
		let runs = 0;
		const day = 24 * 60 * 60 * 1000;
		const handle = startPeriodicJobs(
			db,
			[{ name: 'daily', intervalMs: day, run: async () => void runs++ }],
			{ lease }
		);
		await vi.advanceTimersByTimeAsync(10);
		expect(runs).toBe(1);
		await vi.advanceTimersByTimeAsync(day - 1000);
		expect(runs).toBe(1);
		await vi.advanceTimersByTimeAsync(2000);
		expect(runs).toBe(2);
		await handle.stop();
	});

	it('waits until the lease is due when another process holds it', async () => {
		vi.useFakeTimers();
		let runs = 0;
		let held = true;
		const busy: JobLease = {
			claim: async () => (held ? { claimed: false, dueInMs: 5000 } : { claimed: true, dueInMs: 0 })
		};
		const handle = startPeriodicJobs(
			db,
			[{ name: 'shared', intervalMs: 60_000, run: async () => void runs++ }],
			{ lease: busy }
		);
		await vi.advanceTimersByTimeAsync(100);
		expect(runs).toBe(0);
		held = false;
		await vi.advanceTimersByTimeAsync(5000);
		expect(runs).toBe(1);
		await handle.stop();
	});
});
