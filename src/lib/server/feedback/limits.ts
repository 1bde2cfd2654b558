/**
 * Rate limit of the anonymous feedback endpoints per client address, on the core limiter (shared
 * by every process on one PostgreSQL database): FEEDBACK_RATE_CAPACITY answers, then
 * FEEDBACK_RATE_PER_SECOND sustained, as one window of capacity / rate seconds.
 */
import { rateLimit } from '../core/rate-limit';
import { feedbackConfig } from './feedback.config';

const limiter = rateLimit('feedback.intake', () => {
	const cfg = feedbackConfig();
	return { points: cfg.rateCapacity, durationS: cfg.rateCapacity / cfg.ratePerSecond };
});

/** Takes `cost` points (one per response) for the address; not allowed when over the limit. */
export async function allowIntake(
	clientIp: string,
	cost = 1
): Promise<{ allowed: boolean; retryAfter: number }> {
	return limiter.take(clientIp, cost);
}
