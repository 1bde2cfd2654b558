/**
 * The feedback module's environment variables (the README's module settings table);
 * `feedback.config.ts` turns them into the module's FeedbackConfig.
 */
import { z } from 'zod';
import { numberSetting, settingsReader } from '../core/settings';
import { smsSettingsShape } from './sms.settings';

export const feedbackSettingsSchema = z.object({
	/** Fewest answers in a period for a public NPS figure. */
	FEEDBACK_PUBLIC_THRESHOLD: numberSetting(30, { int: true, min: 1 }),
	/**
	 * Bearer token of the SMS gateway. Unset: `demo-sms-token` in demo mode, else closed; set but
	 * empty: closed even in demo mode (so, unlike the others, an empty value is kept).
	 */
	FEEDBACK_SMS_TOKEN: z.string().optional(),
	/** Due date of a case that asks for a reply. */
	FEEDBACK_REPLY_DAYS: numberSetting(7, { int: true, min: 1 }),
	/** Reminder to the handlers this many days before the due date. */
	FEEDBACK_REMIND_DAYS: numberSetting(2, { int: true, min: 0 }),
	/** Contact details are erased this long after a case closes. */
	FEEDBACK_CONTACT_RETENTION_DAYS: numberSetting(30, { int: true, min: 0 }),
	/** Per-address token bucket of the anonymous endpoints: capacity and refill per second. */
	FEEDBACK_RATE_CAPACITY: numberSetting(60, { above: 0 }),
	FEEDBACK_RATE_PER_SECOND: numberSetting(1, { above: 0 }),
	...smsSettingsShape
});

export type FeedbackSettings = z.output<typeof feedbackSettingsSchema>;
export const feedbackSettings = settingsReader(feedbackSettingsSchema);
