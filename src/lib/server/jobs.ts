/**
 * The composition root of background jobs: each module adds its periodic jobs here, and the
 * runtime starts them (turn all off with BACKGROUND_JOBS=0, e.g. for a read-only replica).
 */
import type { PeriodicJob } from './core/jobs';
import { config } from './core/config';
import { retentionPolicy, runRetention } from './pool';

const DAY = 24 * 60 * 60 * 1000;

export const moduleJobs: PeriodicJob[] = [
	// Ask inactive pool members whether they want to stay; remove those who do not answer.
	{
		name: 'pool.retention',
		intervalMs: DAY,
		run: (db) => runRetention(db, config().origin, retentionPolicy())
	}
];
