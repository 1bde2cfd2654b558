/**
 * Settings of the SMS surveys after a visit (issue 17), part of the feedback module's schema
 * (`feedback.settings.ts` spreads them in; the README's module settings table lists them).
 */
import { numberSetting, optionalTextSetting, urlSetting } from '../core/settings';

export const smsSettingsShape = {
	/** The SMS gateway's base URL (its HTTP interface: sms-gateway.ts). Unset: nothing is sent. */
	FEEDBACK_SMS_GATEWAY_URL: urlSetting(['http:', 'https:']),
	/** Bearer token the portal presents to the gateway. */
	FEEDBACK_SMS_GATEWAY_TOKEN: optionalTextSetting(),
	/** A number asked in the last this many days is not asked again. */
	FEEDBACK_SMS_REPEAT_DAYS: numberSetting(90, { int: true, min: 1 }),
	/**
	 * Key of the phone-number hash (HMAC-SHA-256) kept for opt-outs and the repeat rule. Unset:
	 * `demo-phone-key` in demo mode, else the visit API is closed.
	 */
	FEEDBACK_PHONE_HASH_KEY: optionalTextSetting(),
	/** Visit events per source system per minute (the API and CSV drop together). */
	FEEDBACK_VISIT_RATE_PER_MINUTE: numberSetting(60_000, { int: true, min: 1 })
};
