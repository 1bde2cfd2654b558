/**
 * Slows down repeated failed sign-ins per e-mail address and per client IP. Keys are hashed so
 * the table holds no addresses. After 3 failures each further try must wait 2^(n-3) s, at most 15 min.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { tokenId } from './tokens';

const FREE_FAILURES = 3;
const MAX_WAIT_S = 15 * 60;
/** Failures older than this are forgotten. */
const WINDOW_S = 24 * 60 * 60;

export function throttleKeys(email: string, ip: string): string[] {
	return [tokenId(`email:${email.trim().toLowerCase()}`), tokenId(`ip:${ip}`)];
}

export function waitSeconds(failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_S);
}

/** Seconds the caller must still wait before trying again (0 = may try now). */
export async function secondsUntilAllowed(db: Executor, keys: string[]): Promise<number> {
	const rows = await db
		.selectFrom('auth_throttle')
		.select(['failures', 'last_failure_at'])
		.where('key', 'in', keys)
		.execute();
	let wait = 0;
	for (const r of rows) {
		const since = (Date.now() - new Date(r.last_failure_at).getTime()) / 1000;
		if (since > WINDOW_S) continue;
		wait = Math.max(wait, waitSeconds(r.failures) - since);
	}
	return Math.max(0, Math.ceil(wait));
}

export async function recordFailure(db: Executor, keys: string[]): Promise<void> {
	for (const key of keys) {
		await db
			.insertInto('auth_throttle')
			.values({ key, failures: 1 })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					failures: sql`case when auth_throttle.last_failure_at < now() - make_interval(secs => ${WINDOW_S}) then 1 else auth_throttle.failures + 1 end`,
					last_failure_at: sql`now()`
				})
			)
			.execute();
	}
}

export async function clearFailures(db: Executor, keys: string[]): Promise<void> {
	await db.deleteFrom('auth_throttle').where('key', 'in', keys).execute();
}
