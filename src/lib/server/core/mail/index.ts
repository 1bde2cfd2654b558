export { enqueueMail, enqueueMails, outboxCounts, type OutgoingMail } from './outbox';
export { renderMail } from './templates';
export {
	smtpSender,
	folderSender,
	readMailFolder,
	type MailSender,
	type StoredMail
} from './mail-sender';
export {
	processOutboxBatch,
	startMailWorker,
	retryDelaySeconds,
	type WorkerHandle
} from './mail-worker';
