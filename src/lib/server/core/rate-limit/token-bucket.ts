/**
 * In-memory token bucket per key (e.g. "feedback:<ip>"): `capacity` tokens, refilled at
 * `refillPerSecond`. One process only — behind several app instances each has its own buckets,
 * which is acceptable for slowing down floods on anonymous endpoints. Idle buckets are pruned.
 */
export interface RateLimitOptions {
	capacity: number;
	refillPerSecond: number;
	/** Upper bound on keys kept; the stalest are dropped first. */
	maxKeys?: number;
	now?: () => number;
}

export interface RateLimitResult {
	allowed: boolean;
	remaining: number;
	/** Seconds until one token is available again (0 when allowed). */
	retryAfter: number;
}

interface Bucket {
	tokens: number;
	updated: number;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	private readonly now: () => number;
	private readonly maxKeys: number;

	constructor(private readonly opts: RateLimitOptions) {
		this.now = opts.now ?? Date.now;
		this.maxKeys = opts.maxKeys ?? 50_000;
	}

	/** Takes `cost` tokens for the key if it has them. */
	take(key: string, cost = 1): RateLimitResult {
		const now = this.now();
		let b = this.buckets.get(key);
		if (b) {
			const elapsed = (now - b.updated) / 1000;
			b.tokens = Math.min(this.opts.capacity, b.tokens + elapsed * this.opts.refillPerSecond);
			b.updated = now;
			// Map order = insertion order: re-insert so the oldest-used key is first when pruning.
			this.buckets.delete(key);
		} else {
			b = { tokens: this.opts.capacity, updated: now };
			this.prune();
		}
		this.buckets.set(key, b);
		if (b.tokens >= cost) {
			b.tokens -= cost;
			return { allowed: true, remaining: Math.floor(b.tokens), retryAfter: 0 };
		}
		const retryAfter = Math.ceil((cost - b.tokens) / this.opts.refillPerSecond);
		return { allowed: false, remaining: 0, retryAfter };
	}

	get size(): number {
		return this.buckets.size;
	}

	private prune() {
		while (this.buckets.size >= this.maxKeys) {
			const oldest = this.buckets.keys().next().value;
			if (oldest === undefined) break;
			this.buckets.delete(oldest);
		}
	}
}
