/**
 * The one rate limiter of the portal, on `rate-limiter-flexible`: fixed windows of `points` per
 * `durationS` seconds per key. With PostgreSQL (DATABASE_URL) the counters live in the table
 * `core_rate_limit` (migration 2026-12-02T1100), so every app process behind the load balancer
 * draws from the same budget; on the embedded PGlite database, which one process owns, they live
 * in memory. Keys are hashed here (SHA-256), so neither table nor memory holds a client address.
 *
 * Speed, measured with the single-vote benchmark (bench/conversations), since the anonymous vote
 * endpoint asks the limiter on every request:
 * - Concurrent takes of one key in one process are folded into one `consume(key, sum)` (one
 *   upsert, one round trip) while the previous one for that key is in flight, and the answer is
 *   split back in arrival order: the database stays the one exact counter across processes
 *   (the sum of what all processes allow is the budget), but a burst from one address (a NAT, a
 *   kiosk, the benchmark) costs one round trip per flush instead of one per request.
 * - Concurrent upserts of different keys (every anonymous voter has an address of their own) go
 *   to PostgreSQL as one statement (batched-upserts.ts): one round trip and one commit per batch.
 * - `inMemoryBlockOnConsumed`: a key that has used its window is refused from memory until the
 *   window ends, so a flood from one address costs no database writes at all.
 * - `insuranceLimiter`: when PostgreSQL does not answer, each process limits on its own in memory
 *   instead of failing the request.
 * A short local cache of allowances was not taken: it would let the processes together allow
 * more than the budget, which the multi-process test pins down.
 */
import {
	RateLimiterMemory,
	RateLimiterPostgres,
	RateLimiterRes,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import type pg from 'pg';
import { tokenId } from '../auth/tokens';
import { batchedStoreClient } from './batched-upserts';

export interface RateLimitRule {
	/** Budget of one window (requests, or votes / answers when a request costs more than one). */
	points: number;
	/** Window length in seconds. */
	durationS: number;
}

export interface RateLimitResult {
	allowed: boolean;
	remaining: number;
	/** Seconds until the window ends (0 when allowed). */
	retryAfter: number;
}

export interface RateLimit {
	/** Takes `cost` points for the key (an address, hashed here) if the window has them. */
	take(key: string, cost?: number): Promise<RateLimitResult>;
}

/** Where the counters live: set once per process by the runtime; memory until then (unit tests). */
export type RateLimitStore = { kind: 'memory' } | { kind: 'postgres'; pool: pg.Pool };

export const RATE_LIMIT_TABLE = 'core_rate_limit';

let store: RateLimitStore = { kind: 'memory' };
/** The pool as the library sees it: concurrent upserts of different keys in one statement. */
let storeClient: ReturnType<typeof batchedStoreClient> | null = null;
/** Bumped on every store change, so limiters made before the runtime started rebuild. */
let generation = 0;

export function useRateLimitStore(next: RateLimitStore): void {
	store = next;
	storeClient = next.kind === 'postgres' ? batchedStoreClient(next.pool, RATE_LIMIT_TABLE) : null;
	generation++;
}

/** For tests: forget every counter held in memory (the next take starts a fresh window). */
export function resetRateLimits(): void {
	generation++;
}

function build(name: string, rule: RateLimitRule): RateLimiterAbstract {
	const points = Math.max(1, Math.floor(rule.points));
	const duration = Math.max(1, Math.ceil(rule.durationS));
	const memory = () => new RateLimiterMemory({ keyPrefix: name, points, duration });
	if (store.kind === 'memory') return memory();
	return new RateLimiterPostgres({
		storeClient: storeClient ?? store.pool,
		storeType: 'pool',
		tableName: RATE_LIMIT_TABLE,
		// The migration made it: no CREATE TABLE from the request path.
		tableCreated: true,
		keyPrefix: name,
		points,
		duration,
		inMemoryBlockOnConsumed: points,
		insuranceLimiter: memory()
	});
}

interface Waiter {
	cost: number;
	resolve: (r: RateLimitResult) => void;
	reject: (e: unknown) => void;
}

/**
 * A named limiter. The rule may be a function: it is read when the limiter is first used (after
 * the settings are loaded), not when the module is imported.
 */
export function rateLimit(name: string, rule: RateLimitRule | (() => RateLimitRule)): RateLimit {
	let limiter: RateLimiterAbstract | undefined;
	let builtFor = -1;
	let points = 0;
	/** Per hashed key: takes waiting for the consume in flight to finish. */
	const queued = new Map<string, Waiter[]>();
	const inFlight = new Set<string>();

	const current = (): RateLimiterAbstract => {
		if (!limiter || builtFor !== generation) {
			const r = typeof rule === 'function' ? rule() : rule;
			limiter = build(name, r);
			points = limiter.points;
			builtFor = generation;
			queued.clear();
			inFlight.clear();
		}
		return limiter;
	};

	const flush = (key: string, batch: Waiter[]): void => {
		inFlight.add(key);
		const sum = batch.reduce((s, w) => s + w.cost, 0);
		const settle = (res: RateLimiterRes, refused: boolean) => {
			const secs = Math.ceil(Math.max(0, res.msBeforeNext) / 1000);
			// Refused without counting (the key is blocked in memory): the whole batch is refused.
			let used = refused && res.consumedPoints < sum ? points : res.consumedPoints - sum;
			for (const w of batch) {
				used += w.cost;
				const allowed = used <= points;
				w.resolve({
					allowed,
					remaining: allowed ? Math.max(0, points - used) : 0,
					retryAfter: allowed ? 0 : Math.max(1, secs)
				});
			}
		};
		current()
			.consume(key, sum)
			.then(
				(res) => settle(res, false),
				(e: unknown) => {
					if (e instanceof RateLimiterRes) settle(e, true);
					else for (const w of batch) w.reject(e);
				}
			)
			.finally(() => {
				inFlight.delete(key);
				const next = queued.get(key);
				if (next) {
					queued.delete(key);
					flush(key, next);
				}
			});
	};

	return {
		take(raw, cost = 1) {
			current();
			const key = tokenId(raw);
			return new Promise<RateLimitResult>((resolve, reject) => {
				const w = { cost, resolve, reject };
				if (!inFlight.has(key)) return flush(key, [w]);
				const q = queued.get(key);
				if (q) q.push(w);
				else queued.set(key, [w]);
			});
		}
	};
}
