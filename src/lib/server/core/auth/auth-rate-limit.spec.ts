import { afterEach, describe, expect, it } from 'vitest';
import { limitAuthForm, resetAuthRateLimits } from './auth-rate-limit';

describe('auth form rate limits', () => {
	afterEach(() => {
		delete process.env.AUTH_RATE_PER_MINUTE;
		resetAuthRateLimits();
	});

	it('refuses the 11th sign-up a minute from one IP, not from another', async () => {
		for (let i = 0; i < 10; i++) expect(await limitAuthForm('sign-up', '10.0.0.1')).toBe(false);
		expect(await limitAuthForm('sign-up', '10.0.0.1')).toBe(true);
		expect(await limitAuthForm('sign-up', '10.0.0.2')).toBe(false);
		expect(await limitAuthForm('forgot', '10.0.0.1')).toBe(false);
	});

	it('gives sign-in three times the budget and honours the setting', async () => {
		process.env.AUTH_RATE_PER_MINUTE = '2';
		resetAuthRateLimits();
		for (let i = 0; i < 6; i++) expect(await limitAuthForm('sign-in', 'ip')).toBe(false);
		expect(await limitAuthForm('sign-in', 'ip')).toBe(true);
	});
});
