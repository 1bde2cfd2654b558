/** The SMS survey settings as the code uses them (read lazily, so tests can set them first). */
import { coreSettings } from '../core/core.settings';
import { feedbackSettings } from './feedback.settings';

export interface SmsConfig {
	/** Base URL of the gateway; '' = sending is off (visits stay queued). */
	gatewayUrl: string;
	gatewayToken: string;
	repeatDays: number;
	/** HMAC key of the phone hash; '' = the visit API is closed. */
	hashKey: string;
	visitRatePerMinute: number;
}

export function smsConfig(env?: NodeJS.ProcessEnv): SmsConfig {
	const s = feedbackSettings(env);
	const core = coreSettings(env);
	const demoMode = core.DEMO_DATA ?? !core.DATABASE_URL;
	return {
		gatewayUrl: (s.FEEDBACK_SMS_GATEWAY_URL ?? '').replace(/\/+$/, ''),
		gatewayToken: s.FEEDBACK_SMS_GATEWAY_TOKEN ?? '',
		repeatDays: s.FEEDBACK_SMS_REPEAT_DAYS,
		hashKey: s.FEEDBACK_PHONE_HASH_KEY ?? (demoMode ? 'demo-phone-key' : ''),
		visitRatePerMinute: s.FEEDBACK_VISIT_RATE_PER_MINUTE
	};
}
