/**
 * Budgets for the pool's anonymous forms, per hashed client IP, on the core token bucket:
 * joining (10 per 10 minutes) and answering invitations (60 a minute). One server process only;
 * several would need a shared store.
 */
import { RateLimiter } from '../core/rate-limit';

export const joinLimiter = new RateLimiter({ capacity: 10, refillPerSecond: 10 / 600 });
export const replyLimiter = new RateLimiter({ capacity: 60, refillPerSecond: 1 });
