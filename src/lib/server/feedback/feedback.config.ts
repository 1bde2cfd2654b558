/**
 * Settings of the feedback module, from environment variables (read lazily, so tests can set
 * them first). Documented in the module README section.
 */
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

function num(v: string | undefined, fallback: number): number {
	const n = Number(v);
	return v !== undefined && v !== '' && Number.isFinite(n) ? n : fallback;
}

function demoMode(env: NodeJS.ProcessEnv): boolean {
	const v = env.DEMO_DATA;
	if (v === undefined || v === '') return !env.DATABASE_URL;
	return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

let cached: FeedbackConfig | undefined;
export function feedbackConfig(env: NodeJS.ProcessEnv = process.env): FeedbackConfig {
	if (cached && env === process.env) return cached;
	const cfg: FeedbackConfig = {
		publicThreshold: num(env.FEEDBACK_PUBLIC_THRESHOLD, 30),
		// A known token only in demo mode (demo data on), so the end-to-end tests can post SMS.
		smsToken: env.FEEDBACK_SMS_TOKEN ?? (demoMode(env) ? 'demo-sms-token' : ''),
		replyDays: num(env.FEEDBACK_REPLY_DAYS, 7),
		remindDaysBefore: num(env.FEEDBACK_REMIND_DAYS, 2),
		contactRetentionDays: num(env.FEEDBACK_CONTACT_RETENTION_DAYS, 30),
		rateCapacity: num(env.FEEDBACK_RATE_CAPACITY, 60),
		ratePerSecond: num(env.FEEDBACK_RATE_PER_SECOND, 1)
	};
	if (env === process.env) cached = cfg;
	return cfg;
}
