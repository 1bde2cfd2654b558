/**
 * Rate limits on the anonymous account forms, per client IP, on top of the failed-sign-in
 * throttle: sign-up and password reset send mail, so they must not become a mail cannon.
 * Budgets are per minute (AUTH_RATE_PER_MINUTE, default 10; sign-in gets three times that), on
 * the core limiter, shared by every process on one PostgreSQL database.
 */
import { rateLimit, resetRateLimits } from '../rate-limit';
import { coreSettings } from '../core.settings';

export type AuthForm = 'sign-up' | 'forgot' | 'sign-in';

function perMinute(): number {
	return coreSettings().AUTH_RATE_PER_MINUTE;
}

const limiters = Object.fromEntries(
	(['sign-up', 'forgot', 'sign-in'] as const).map((form) => [
		form,
		rateLimit(`auth.${form}`, () => ({
			points: perMinute() * (form === 'sign-in' ? 3 : 1),
			durationS: 60
		}))
	])
) as Record<AuthForm, ReturnType<typeof rateLimit>>;

/** True when this IP has used up its budget for the form (the action then answers 429). */
export async function limitAuthForm(form: AuthForm, ip: string): Promise<boolean> {
	return !(await limiters[form].take(ip)).allowed;
}

/** For tests: forget all counters (and read AUTH_RATE_PER_MINUTE again). */
export function resetAuthRateLimits(): void {
	resetRateLimits();
}
