/** The SMS survey's part of the feedback manifest: its periodic job and its pages' access. */
import type { PeriodicJob } from '../core/jobs';
import type { AccessRule } from '../core/auth/access-policy';
import { config } from '../core/config';
import type { FeedbackDb } from './feedback.db';
import { runSmsSending } from './sms-send.service';

/** Every minute; core's lease runs it once across processes. Idle outside 12–20 Helsinki time. */
export const SMS_JOB: PeriodicJob<FeedbackDb> = {
	name: 'feedback.sms-send',
	intervalMs: 60_000,
	run: (db) => runSmsSending(db, { origin: config().origin })
};

export const SMS_ACCESS: AccessRule[] = [
	{
		prefix: '/staff/feedback/sms',
		requirement: { kind: 'roles', roles: ['feedback_handler'] }
	}
];
