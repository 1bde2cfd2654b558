/** Rate limits of the anonymous feedback endpoints (one bucket per client address). */
import { RateLimiter } from '../core/rate-limit';
import { feedbackConfig } from './feedback.config';

let limiter: RateLimiter | undefined;

/** Takes `cost` tokens (one per response) for the address; false when over the limit. */
export function allowIntake(clientIp: string, cost = 1): { allowed: boolean; retryAfter: number } {
	const cfg = feedbackConfig();
	limiter ??= new RateLimiter({ capacity: cfg.rateCapacity, refillPerSecond: cfg.ratePerSecond });
	return limiter.take(`feedback:${clientIp}`, cost);
}
