/**
 * Settings of the feedback module, worked out from its environment variables
 * (`feedback.settings.ts`; read lazily, so tests can set them first).
 */
import { coreSettings } from '../core/core.settings';
import { feedbackSettings } from './feedback.settings';

export interface FeedbackConfig {
	/** FEEDBACK_PUBLIC_THRESHOLD: fewest answers in a period for a public figure (default 30). */
	publicThreshold: number;
	/** FEEDBACK_SMS_TOKEN: bearer token of the SMS gateway; empty = the endpoint is closed
	 * (in demo mode, DEMO_DATA on, it defaults to `demo-sms-token`). */
	smsToken: string;
	/** FEEDBACK_REPLY_DAYS: days to answer a reply-requested case (default 7). */
	replyDays: number;
	/** FEEDBACK_REMIND_DAYS: reminder this many days before the due date (default 2). */
	remindDaysBefore: number;
	/** FEEDBACK_CONTACT_RETENTION_DAYS: contact details kept after closing (default 30). */
	contactRetentionDays: number;
	/** FEEDBACK_RATE_CAPACITY / FEEDBACK_RATE_PER_SECOND: anonymous intake per client address. */
	rateCapacity: number;
	ratePerSecond: number;
}

/** Throws a SettingsError naming the variable when a value is wrong. */
export function feedbackConfig(env?: NodeJS.ProcessEnv): FeedbackConfig {
	const s = feedbackSettings(env);
	const core = coreSettings(env);
	const demoMode = core.DEMO_DATA ?? !core.DATABASE_URL;
	return {
		publicThreshold: s.FEEDBACK_PUBLIC_THRESHOLD,
		// A known token only in demo mode (demo data on), so the end-to-end tests can post SMS.
		smsToken: s.FEEDBACK_SMS_TOKEN ?? (demoMode ? 'demo-sms-token' : ''),
		replyDays: s.FEEDBACK_REPLY_DAYS,
		remindDaysBefore: s.FEEDBACK_REMIND_DAYS,
		contactRetentionDays: s.FEEDBACK_CONTACT_RETENTION_DAYS,
		rateCapacity: s.FEEDBACK_RATE_CAPACITY,
		ratePerSecond: s.FEEDBACK_RATE_PER_SECOND
	};
}
