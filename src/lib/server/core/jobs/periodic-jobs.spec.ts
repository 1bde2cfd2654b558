import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/database';
import { startPeriodicJobs } from './periodic-jobs';

const db = {} as Db;

describe('periodic jobs', () => {
	afterEach(() => vi.useRealTimers());

	it('runs each job on its interval and never overlaps runs', async () => {
		vi.useFakeTimers();
		let active = 0;
		let maxActive = 0;
		let runs = 0;
		const handle = startPeriodicJobs(db, [
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
		]);
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
		const handle = startPeriodicJobs(db, [
			{
				name: 'flaky',
				intervalMs: 50,
				run: async () => {
					runs++;
					if (runs === 1) throw new Error('boom');
				}
			}
		]);
		await vi.advanceTimersByTimeAsync(200);
		expect(runs).toBeGreaterThanOrEqual(2);
		expect(log).toHaveBeenCalledWith('job flaky failed:', 'boom');
		await handle.stop();
		log.mockRestore();
	});

	it('runs a job on demand', async () => {
		let ran = false;
		const handle = startPeriodicJobs(db, [
			{ name: 'x', intervalMs: 60_000, run: async () => void (ran = true) }
		]);
		await handle.runNow('x');
		expect(ran).toBe(true);
		await expect(handle.runNow('nope')).rejects.toThrow('no job nope');
		await handle.stop();
	});
});
