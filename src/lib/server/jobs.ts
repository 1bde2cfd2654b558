/**
 * The composition root of background jobs: each module adds its periodic jobs here, and the
 * runtime starts them (turn all off with BACKGROUND_JOBS=0, e.g. for a read-only replica).
 */
import type { PeriodicJob } from './core/jobs';
import type { Db } from './core/db/database';
import { config } from './core/config';
import { purgeExpired } from './core/retention';
import { retentionPolicy, runRetention } from './pool';
import { conversationsSettings, recomputeDue } from './conversations';
import { runCaseDeadlines } from './feedback';

const DAY = 24 * 60 * 60 * 1000;

export const moduleJobs: PeriodicJob[] = [
	// Purge sent/failed mail after OUTBOX_RETENTION_DAYS, and expired sessions, one-time links
	// and throttle rows. Hourly: each run is a few indexed deletes.
	{
		name: 'core.retention',
		intervalMs: 60 * 60_000,
		run: (db) => purgeExpired(db, { outboxRetentionDays: config().outboxRetentionDays })
	},
	// Ask inactive pool members whether they want to stay; remove those who do not answer.
	{
		name: 'pool.retention',
		intervalMs: DAY,
		run: (db) => runRetention(db, config().origin, retentionPolicy())
	},
	// Feedback cases: reminders before the 7-day due date, escalation when late, erasure of
	// contact details after closing plus the retention period. Idempotent.
	{
		name: 'feedback.case-deadlines',
		intervalMs: 10 * 60_000,
		run: (db) => runCaseDeadlines(db, config().origin)
	},
	// Recompute opinion maps of conversations with new votes (each at most every 5 s). Turn off
	// with CONVERSATIONS_MAP_WORKER=0 when a separate map-worker process runs instead.
	...(conversationsSettings().CONVERSATIONS_MAP_WORKER
		? [{ name: 'conversations.map', intervalMs: 2_000, run: (db: Db) => recomputeDue(db) }]
		: [])
];
