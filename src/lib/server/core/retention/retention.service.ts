/**
 * Core retention: personal data the core keeps only for a while. Sent and failed mail holds the
 * recipient and the body (a feedback case's contact details, reply links), so it is purged after
 * `outboxRetentionDays`; pending mail is never touched. Delivered events hold the ids of the
 * people they concern and go after the same period; an event still waiting for a handler stays.
 * Expired sessions and one-time links, and throttle rows past their window, are of no use to
 * anyone and go at once. Run as the periodic job `core.retention` (src/lib/server/jobs.ts).
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { THROTTLE_WINDOW_S } from '../auth/throttle';

export interface CoreRetentionPolicy {
	/** Days sent and failed mail, and delivered events, are kept. */
	outboxRetentionDays: number;
}

export interface CoreRetentionResult {
	mails: number;
	events: number;
	sessions: number;
	tokens: number;
	throttles: number;
}

const DAY = 24 * 60 * 60 * 1000;

export async function purgeExpired(
	db: Executor,
	policy: CoreRetentionPolicy,
	now = new Date()
): Promise<CoreRetentionResult> {
	const outboxBefore = new Date(now.getTime() - policy.outboxRetentionDays * DAY);
	const mails = await db
		.deleteFrom('mail_outbox')
		.where('status', 'in', ['sent', 'failed'])
		.where(sql<Date>`coalesce(sent_at, created_at)`, '<', outboxBefore)
		.executeTakeFirst();
	// Their `event_handled` rows go with them (on delete cascade).
	const events = await db
		.deleteFrom('event_outbox')
		.where('delivered_at', '<', outboxBefore)
		.executeTakeFirst();
	const sessions = await db
		.deleteFrom('user_session')
		.where('expires_at', '<', now)
		.executeTakeFirst();
	const tokens = await db
		.deleteFrom('email_token')
		.where('expires_at', '<', now)
		.executeTakeFirst();
	const throttles = await db
		.deleteFrom('auth_throttle')
		.where('last_failure_at', '<', new Date(now.getTime() - THROTTLE_WINDOW_S * 1000))
		.executeTakeFirst();
	return {
		mails: Number(mails.numDeletedRows),
		events: Number(events.numDeletedRows),
		sessions: Number(sessions.numDeletedRows),
		tokens: Number(tokens.numDeletedRows),
		throttles: Number(throttles.numDeletedRows)
	};
}
