/**
 * Rate limits on the anonymous account forms, per client IP, on top of the failed-sign-in
 * throttle: sign-up and password reset send mail, so they must not become a mail cannon.
 * Budgets are per minute (AUTH_RATE_PER_MINUTE, default 10; sign-in gets three times that).
 */
import { RateLimiter } from '../rate-limit';
import { coreSettings } from '../core.settings';

export type AuthForm = 'sign-up' | 'forgot' | 'sign-in';

const limiters = new Map<AuthForm, RateLimiter>();

function perMinute(): number {
	return coreSettings().AUTH_RATE_PER_MINUTE;
}

function limiterFor(form: AuthForm): RateLimiter {
	let l = limiters.get(form);
	if (!l) {
		const capacity = perMinute() * (form === 'sign-in' ? 3 : 1);
		l = new RateLimiter({ capacity, refillPerSecond: capacity / 60 });
		limiters.set(form, l);
	}
	return l;
}

/** True when this IP has used up its budget for the form (the action then answers 429). */
export function limitAuthForm(form: AuthForm, ip: string): boolean {
	return !limiterFor(form).take(ip).allowed;
}

/** For tests: forget all buckets. */
export function resetAuthRateLimits(): void {
	limiters.clear();
}
