/**
 * Budgets for the pool's anonymous forms, per client address, on the core limiter (shared by
 * every process on one PostgreSQL database): joining (10 per 10 minutes) and answering
 * invitations (60 a minute).
 */
import { rateLimit } from '../core/rate-limit';

export const joinLimiter = rateLimit('pool.join', { points: 10, durationS: 600 });
export const replyLimiter = rateLimit('pool.reply', { points: 60, durationS: 60 });
