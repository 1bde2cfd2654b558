/**
 * Budgets of the anonymous vote and statement endpoints per client address, on the core limiter
 * (shared by every process on one PostgreSQL database). The same windows as the token buckets
 * they replace: a burst of a whole batch, then the sustained rate.
 */
import { conversationsSettings } from './conversations.settings';
import { rateLimit } from '../core/rate-limit';

const settings = conversationsSettings();

/** Votes: 200 per 10 s by default (a batch's burst, 20 a second sustained). */
export const voteLimiter = rateLimit('conversations.vote', () => ({
	points: settings.CONVERSATIONS_VOTE_BURST,
	durationS: settings.CONVERSATIONS_VOTE_BURST / settings.CONVERSATIONS_VOTE_RATE
}));
/** Statements: a handful per minute. */
export const statementLimiter = rateLimit('conversations.statement', { points: 5, durationS: 60 });
/** Addresses left to hear what comes of a conversation: a few an hour (each sends one mail). */
export const followLimiter = rateLimit('conversations.follow', { points: 5, durationS: 3600 });
