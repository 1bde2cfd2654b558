export {
	startPeriodicJobs,
	type PeriodicJob,
	type JobsHandle,
	type JobsOptions
} from './periodic-jobs';
export { dbLease, type JobLease, type LeaseClaim } from './job-lease';
