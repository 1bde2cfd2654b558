export {
	rateLimit,
	resetRateLimits,
	useRateLimitStore,
	RATE_LIMIT_TABLE,
	type RateLimit,
	type RateLimitResult,
	type RateLimitRule,
	type RateLimitStore
} from './rate-limit';
