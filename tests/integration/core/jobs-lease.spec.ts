import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { startPeriodicJobs, type PeriodicJob } from '../../../src/lib/server/core/jobs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(BACKENDS)('periodic jobs across processes on %s', (backend) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(backend);
	});
	afterAll(() => t.close());

	it('two runners against one database run the job body once per interval', async () => {
		let runs = 0;
		const job: PeriodicJob = {
			name: 'test.once',
			intervalMs: 60 * 60_000,
			run: async () => {
				runs++;
				await sleep(100);
			}
		};
		// Two processes starting together (as after a deploy): each tries at start.
		const a = startPeriodicJobs(t.db, [job]);
		const b = startPeriodicJobs(t.db, [job]);
		for (let i = 0; i < 100 && runs === 0; i++) await sleep(50);
		await sleep(700);
		await Promise.all([a.stop(), b.stop()]);
		expect(runs).toBe(1);

		// A process restarted within the interval does not run it again either.
		const c = startPeriodicJobs(t.db, [job]);
		await sleep(700);
		await c.stop();
		expect(runs).toBe(1);

		// Once the interval is over, the next process to try runs it.
		await t.db
			.updateTable('job_lease')
			.set({ next_run_at: new Date(Date.now() - 1000) })
			.where('name', '=', job.name)
			.execute();
		const d = startPeriodicJobs(t.db, [job]);
		const e = startPeriodicJobs(t.db, [job]);
		for (let i = 0; i < 100 && runs === 1; i++) await sleep(50);
		await sleep(700);
		await Promise.all([d.stop(), e.stop()]);
		expect(runs).toBe(2);
		// The lease counts the runs of every process together.
		const row = await t.db
			.selectFrom('job_lease')
			.select('runs')
			.where('name', '=', job.name)
			.executeTakeFirstOrThrow();
		expect(row.runs).toBe(2);
	});

	it('a run longer than its interval is not started again by the other process', async () => {
		let active = 0;
		let maxActive = 0;
		let runs = 0;
		const job: PeriodicJob = {
			name: 'test.slow',
			intervalMs: 200,
			run: async () => {
				active++;
				runs++;
				maxActive = Math.max(maxActive, active);
				await sleep(700);
				active--;
			}
		};
		const a = startPeriodicJobs(t.db, [job]);
		const b = startPeriodicJobs(t.db, [job]);
		await sleep(3000);
		await Promise.all([a.stop(), b.stop()]);
		expect(runs).toBeGreaterThanOrEqual(2);
		expect(maxActive).toBe(1);
	});
});
