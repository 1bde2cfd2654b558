export { GroupCommit, type GroupCommitOptions } from './group-commit';
export { pollingDrain, type PollingDrain } from './polling-drain';
