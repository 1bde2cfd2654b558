export { startPeriodicJobs, type PeriodicJob, type JobsHandle } from './periodic-jobs';
