/**
 * The composition root of background jobs: each module adds its periodic jobs here, and the
 * runtime starts them (turn all off with BACKGROUND_JOBS=0, e.g. for a read-only replica).
 */
import type { PeriodicJob } from './core/jobs';

export const moduleJobs: PeriodicJob[] = [];
