import { describe, expect, it } from 'vitest';
import { SettingsError } from '../core/settings';
import { feedbackConfig } from './feedback.config';

describe('feedback settings', () => {
	it('has the documented defaults', () => {
		expect(feedbackConfig({ DATABASE_URL: 'postgres://h/db' })).toEqual({
			publicThreshold: 30,
			smsToken: '',
			replyDays: 7,
			remindDaysBefore: 2,
			contactRetentionDays: 30,
			rateCapacity: 60,
			ratePerSecond: 1
		});
	});

	it('opens the SMS endpoint with the demo token only in demo mode, unless set', () => {
		expect(feedbackConfig({}).smsToken).toBe('demo-sms-token');
		expect(feedbackConfig({ DEMO_DATA: '0' }).smsToken).toBe('');
		// Set but empty closes it even in demo mode.
		expect(feedbackConfig({ FEEDBACK_SMS_TOKEN: '' }).smsToken).toBe('');
		expect(feedbackConfig({ FEEDBACK_SMS_TOKEN: 't0k' }).smsToken).toBe('t0k');
	});

	it.each([
		['FEEDBACK_PUBLIC_THRESHOLD', '0'],
		['FEEDBACK_PUBLIC_THRESHOLD', 'thirty'],
		['FEEDBACK_REPLY_DAYS', '0'],
		['FEEDBACK_REMIND_DAYS', '-2'],
		['FEEDBACK_CONTACT_RETENTION_DAYS', '30d'],
		['FEEDBACK_RATE_CAPACITY', '0'],
		['FEEDBACK_RATE_PER_SECOND', 'NaN']
	])('refuses %s=%j', (name, value) => {
		expect(() => feedbackConfig({ [name]: value })).toThrow(SettingsError);
		expect(() => feedbackConfig({ [name]: value })).toThrow(`${name}: `);
	});
});
