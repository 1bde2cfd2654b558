/**
 * Background jobs that run in the web process on a fixed interval (retention, reminders,
 * escalations, map recomputes). Each job is tried at start and then on its interval, so a server
 * restarted daily still runs its daily jobs. Before each run the process claims the job's lease
 * (job-lease.ts): when another process has run it within the interval, this one waits until it
 * is due. A job's runs never overlap; a failing run is logged by name only (no personal data) and
 * the job carries on at its next interval.
 */
import type { Db } from '../db/database';
import { dbLease, type JobLease } from './job-lease';

/** `D`: the handle the job needs (a module's own); the runtime passes the full one. */
export interface PeriodicJob<D extends Db = Db> {
	name: string;
	intervalMs: number;
	run(db: D): Promise<unknown>;
}

export interface JobsHandle {
	stop(): Promise<void>;
	/** Runs a job now (and waits for it), e.g. from an admin action or a test; takes no lease. */
	runNow(name: string): Promise<void>;
}

export interface JobsOptions {
	/** Defaults to the database lease; tests without a database pass their own. */
	lease?: JobLease;
}

/** Slack after a lease falls due, so this process's claim does not come a moment too early. */
const DUE_SLACK_MS = 25;

export function startPeriodicJobs<D extends Db>(
	db: D,
	jobs: readonly PeriodicJob<D>[],
	opts: JobsOptions = {}
): JobsHandle {
	const lease = opts.lease ?? dbLease(db);
	let stopped = false;
	const timers = new Map<string, ReturnType<typeof setTimeout>>();
	const running = new Map<string, Promise<void>>();
	const attempts = new Set<Promise<void>>();

	const logFailure = (job: PeriodicJob<D>, e: unknown) =>
		console.error(`job ${job.name} failed:`, e instanceof Error ? e.message : 'unknown error');

	const runOnce = (job: PeriodicJob<D>): Promise<void> => {
		const current = running.get(job.name);
		if (current) return current;
		const p = job
			.run(db)
			.then(() => undefined)
			.catch((e: unknown) => logFailure(job, e))
			.finally(() => running.delete(job.name));
		running.set(job.name, p);
		return p;
	};

	const attempt = async (job: PeriodicJob<D>): Promise<number> => {
		try {
			const claim = await lease.claim(job.name, job.intervalMs);
			if (!claim.claimed) return Math.min(claim.dueInMs + DUE_SLACK_MS, job.intervalMs);
		} catch (e) {
			logFailure(job, e);
			return job.intervalMs;
		}
		if (stopped) return job.intervalMs;
		await runOnce(job);
		try {
			await lease.release?.(job.name, job.intervalMs);
		} catch (e) {
			// The claim's hold then runs out by itself.
			logFailure(job, e);
		}
		return job.intervalMs;
	};

	const schedule = (job: PeriodicJob<D>, delayMs: number) => {
		if (stopped) return;
		timers.set(
			job.name,
			setTimeout(() => {
				const p = attempt(job).then((next) => schedule(job, next));
				attempts.add(p);
				void p.finally(() => attempts.delete(p));
			}, delayMs)
		);
	};
	// At start, not one interval later.
	for (const job of jobs) schedule(job, 0);

	return {
		async stop() {
			stopped = true;
			for (const t of timers.values()) clearTimeout(t);
			await Promise.all([...attempts, ...running.values()]);
		},
		async runNow(name) {
			const job = jobs.find((j) => j.name === name);
			if (!job) throw new Error(`no job ${name}`);
			await runOnce(job);
		}
	};
}
