/**
 * Claims a periodic job's run in the database before it runs, so that several processes on one
 * database (two web servers, a restart overlapping the old process) run each job once per
 * interval. A conditional UPDATE of one row is the claim: on PostgreSQL the second claimer waits
 * for the first's row lock and then finds the row no longer due; PGlite runs one statement at a
 * time. The same SQL therefore works on both.
 *
 * A claim holds the row for at least `HOLD_MS` (or the interval, if longer), and the holder
 * releases it when the run ends (next run one interval after the end): a run that takes longer
 * than its interval (a big opinion map on a 2-second job) is not started a second time by
 * another process meanwhile. If the holder dies mid-run, the others take over after `HOLD_MS`.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database';

export interface LeaseClaim {
	claimed: boolean;
	/** When not claimed: milliseconds until the job is due again. */
	dueInMs: number;
}

export interface JobLease {
	claim(name: string, intervalMs: number): Promise<LeaseClaim>;
	/** After a claimed run: the job is due again one interval from now. */
	release?(name: string, intervalMs: number): Promise<void>;
}

export const HOLD_MS = 60_000;

export function dbLease(db: Db, holder: string = randomUUID()): JobLease {
	return {
		async claim(name, intervalMs) {
			const hold = Math.max(intervalMs, HOLD_MS) / 1000;
			const next = sql<Date>`now() + make_interval(secs => ${hold})`;
			// Usually one statement: take the row if it is due.
			const won = await db
				.updateTable('job_lease')
				.set({
					next_run_at: next,
					holder,
					last_started_at: sql`now()`,
					runs: sql`job_lease.runs + 1`
				})
				.where('name', '=', name)
				.where('next_run_at', '<=', sql<Date>`now()`)
				.returning('name')
				.executeTakeFirst();
			if (won) return { claimed: true, dueInMs: intervalMs };
			// The job's first run ever: whoever inserts the row has it (the other insert does nothing).
			const first = await db
				.insertInto('job_lease')
				.values({ name, next_run_at: next, holder, last_started_at: sql`now()`, runs: 1 })
				.onConflict((oc) => oc.column('name').doNothing())
				.returning('name')
				.executeTakeFirst();
			if (first) return { claimed: true, dueInMs: intervalMs };
			// Database time on both sides, so clocks that differ between hosts do not matter.
			const row = await db
				.selectFrom('job_lease')
				.select(sql<number>`extract(epoch from next_run_at - now()) * 1000`.as('ms'))
				.where('name', '=', name)
				.executeTakeFirstOrThrow();
			return { claimed: false, dueInMs: Math.max(0, Number(row.ms)) };
		},
		async release(name, intervalMs) {
			await db
				.updateTable('job_lease')
				.set({ next_run_at: sql`now() + make_interval(secs => ${intervalMs / 1000})` })
				.where('name', '=', name)
				.where('holder', '=', holder)
				.execute();
		}
	};
}
