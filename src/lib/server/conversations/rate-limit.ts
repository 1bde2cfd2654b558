/**
 * A small in-memory token bucket for the anonymous vote and statement endpoints (per process;
 * the generic core limiter may replace it later). Keys are hashed-free strings like `vote:<ip>`.
 */
import { conversationsSettings } from './conversations.settings';

export interface Limiter {
	take(key: string, cost?: number): boolean;
}

export function tokenBucket(capacity: number, refillPerSecond: number, maxKeys = 100_000): Limiter {
	const buckets = new Map<string, { tokens: number; at: number }>();
	return {
		take(key, cost = 1) {
			const now = Date.now();
			let b = buckets.get(key);
			if (!b) {
				if (buckets.size >= maxKeys) buckets.clear();
				b = { tokens: capacity, at: now };
				buckets.set(key, b);
			}
			b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond);
			b.at = now;
			if (b.tokens < cost) return false;
			b.tokens -= cost;
			return true;
		}
	};
}

const settings = conversationsSettings();

/** Votes: bursts of a batch, sustained a few per second per participant or address. */
export const voteLimiter = tokenBucket(
	settings.CONVERSATIONS_VOTE_BURST,
	settings.CONVERSATIONS_VOTE_RATE
);
/** Statements: a handful per minute. */
export const statementLimiter = tokenBucket(5, 5 / 60);
