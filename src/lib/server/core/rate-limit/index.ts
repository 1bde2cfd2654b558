export { RateLimiter, type RateLimitOptions, type RateLimitResult } from './token-bucket';
