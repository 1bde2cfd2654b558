/**
 * Slows down password guessing. Keys are hashed so the table holds no addresses or IPs.
 *
 * Sign-in is slowed per (account, IP) pair and per IP, never per account alone: failures from an
 * attacker's address must not lock the owner out when they sign in from their own. Failures per
 * account are still counted so the owner can be told (see account.service.ts). Changing the
 * password while signed in is slowed per account: the guesser holds the session already.
 *
 * After `free` failures each further try must wait 2^(n-free) s, at most 15 min.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { tokenId } from './tokens';

const MAX_WAIT_S = 15 * 60;
/** Failures older than this are forgotten (and their rows purged by the retention job). */
export const THROTTLE_WINDOW_S = 24 * 60 * 60;

export interface ThrottleKey {
	key: string;
	/** Failures allowed before any wait. */
	free: number;
}

/** Free failures per (account, IP) pair. */
const PAIR_FREE = 3;
/** Per IP more are free: many people share an office or mobile NAT address. */
const IP_FREE = 20;

export interface SignInKeys {
	pair: ThrottleKey;
	ip: ThrottleKey;
	/** Counted only, never waited on: for telling the owner. */
	account: string;
}

export function signInKeys(email: string, ip: string): SignInKeys {
	const e = email.trim().toLowerCase();
	return {
		pair: { key: tokenId(`pair:${e}|${ip}`), free: PAIR_FREE },
		ip: { key: tokenId(`ip:${ip}`), free: IP_FREE },
		account: tokenId(`email:${e}`)
	};
}

export function passwordChangeKey(userId: string): ThrottleKey {
	return { key: tokenId(`password-change:${userId}`), free: PAIR_FREE };
}

/** Marker row: the owner was told of failed sign-ins in the current window. */
export function notifiedKey(email: string): string {
	return tokenId(`notified:${email.trim().toLowerCase()}`);
}

export function waitSeconds(failures: number, free = PAIR_FREE): number {
	if (failures < free) return 0;
	return Math.min(2 ** (failures - free), MAX_WAIT_S);
}

/** Seconds the caller must still wait before trying again (0 = may try now). */
export async function secondsUntilAllowed(db: Executor, keys: ThrottleKey[]): Promise<number> {
	const rows = await db
		.selectFrom('auth_throttle')
		.select([
			'key',
			'failures',
			sql<number>`extract(epoch from now() - last_failure_at)`.as('since')
		])
		.where(
			'key',
			'in',
			keys.map((k) => k.key)
		)
		.execute();
	let wait = 0;
	for (const r of rows) {
		const since = Number(r.since);
		if (since > THROTTLE_WINDOW_S) continue;
		const free = keys.find((k) => k.key === r.key)?.free ?? PAIR_FREE;
		wait = Math.max(wait, waitSeconds(r.failures, free) - since);
	}
	return Math.max(0, Math.ceil(wait));
}

/** Counts one failure on each key; returns the failure count of each in the current window. */
export async function recordFailure(db: Executor, keys: string[]): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (const key of keys) {
		const row = await db
			.insertInto('auth_throttle')
			.values({ key, failures: 1 })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					failures: sql`case when auth_throttle.last_failure_at < now() - make_interval(secs => ${THROTTLE_WINDOW_S}) then 1 else auth_throttle.failures + 1 end`,
					last_failure_at: sql`now()`
				})
			)
			.returning('failures')
			.executeTakeFirstOrThrow();
		counts.set(key, row.failures);
	}
	return counts;
}

/**
 * Claims a once-per-window marker (true = first claim in this window). Atomic, so two processes
 * counting the same failures never both act on it.
 */
export async function claimOncePerWindow(db: Executor, key: string): Promise<boolean> {
	const row = await db
		.insertInto('auth_throttle')
		.values({ key, failures: 1 })
		.onConflict((oc) =>
			oc
				.column('key')
				.doUpdateSet({ failures: 1, last_failure_at: sql`now()` })
				.where(
					'auth_throttle.last_failure_at',
					'<',
					sql<Date>`now() - make_interval(secs => ${THROTTLE_WINDOW_S})`
				)
		)
		.returning('key')
		.executeTakeFirst();
	return !!row;
}

export async function clearFailures(db: Executor, keys: string[]): Promise<void> {
	await db.deleteFrom('auth_throttle').where('key', 'in', keys).execute();
}
