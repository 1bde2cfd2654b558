/**
 * The feedback module's periodic job inside the web process: reminders, escalations and the
 * erasure of contact details (cases.service.ts runCaseDeadlines, idempotent). Every 10 minutes;
 * the timer is unref'd so it never keeps the process alive.
 */
import type { Db } from '../core/db/database';
import { runCaseDeadlines } from './cases.service';

export function startFeedbackJobs(db: Db, origin: string, everyMs = 10 * 60_000): () => void {
	const run = () => {
		void runCaseDeadlines(db, origin).catch((e: unknown) =>
			console.error('feedback deadlines job failed:', e instanceof Error ? e.message : e)
		);
	};
	const first = setTimeout(run, 30_000);
	const timer = setInterval(run, everyMs);
	first.unref();
	timer.unref();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}
