/**
 * Background jobs that run in the web process on a fixed interval (retention, reminders,
 * escalations, map recomputes). A job's runs never overlap; a failing run is logged by name only
 * (no personal data) and the job carries on at its next interval.
 */
import type { Db } from '../db/database';

export interface PeriodicJob {
	name: string;
	intervalMs: number;
	run(db: Db): Promise<unknown>;
}

export interface JobsHandle {
	stop(): Promise<void>;
	/** Runs a job now (and waits for it), e.g. from an admin action or a test. */
	runNow(name: string): Promise<void>;
}

export function startPeriodicJobs(db: Db, jobs: PeriodicJob[]): JobsHandle {
	let stopped = false;
	const timers = new Map<string, ReturnType<typeof setTimeout>>();
	const running = new Map<string, Promise<void>>();

	const runOnce = (job: PeriodicJob): Promise<void> => {
		const current = running.get(job.name);
		if (current) return current;
		const p = job
			.run(db)
			.then(() => undefined)
			.catch((e: unknown) => {
				console.error(`job ${job.name} failed:`, e instanceof Error ? e.message : 'unknown error');
			})
			.finally(() => running.delete(job.name));
		running.set(job.name, p);
		return p;
	};

	const schedule = (job: PeriodicJob) => {
		if (stopped) return;
		timers.set(
			job.name,
			setTimeout(() => {
				void runOnce(job).then(() => schedule(job));
			}, job.intervalMs)
		);
	};
	for (const job of jobs) schedule(job);

	return {
		async stop() {
			stopped = true;
			for (const t of timers.values()) clearTimeout(t);
			await Promise.all(running.values());
		},
		async runNow(name) {
			const job = jobs.find((j) => j.name === name);
			if (!job) throw new Error(`no job ${name}`);
			await runOnce(job);
		}
	};
}
