/**
 * The one in-memory cache for values that may be a little old: look-ups that every request of a
 * burst repeats (unit codes, a conversation's access settings, the county NPS page). lru-cache
 * gives the bound (least recently used out first, instead of dropping everything when full) and
 * the time to live. Per process: with several processes each keeps its own, so a change made in
 * one is seen by the others within `ttlMs`; code that changes a cached value in this process
 * deletes the entry itself.
 */
import { LRUCache } from 'lru-cache';

export interface ShortLivedCacheOptions {
	/** Most entries kept. */
	max: number;
	/** Entries older than this read as missing. */
	ttlMs: number;
}

/** Anything but null and undefined (lru-cache's reading of a missing entry). */
type Present = NonNullable<unknown>;

export type ShortLivedCache<K extends Present, V extends Present> = LRUCache<K, V>;

export function shortLivedCache<K extends Present, V extends Present>(
	options: ShortLivedCacheOptions
): ShortLivedCache<K, V> {
	// The age counts from when the value was stored, not from its last read (no updateAgeOnGet):
	// a hot entry must still be read again from the database every ttlMs.
	return new LRUCache<K, V>({ max: options.max, ttl: options.ttlMs });
}

/**
 * The cached promise for `key`, or a new one from `compute`: concurrent callers share one
 * computation, and a rejected promise is forgotten so the next caller tries again.
 */
export function cachedPromise<K extends Present, V>(
	cache: ShortLivedCache<K, Promise<V>>,
	key: K,
	compute: () => Promise<V>
): Promise<V> {
	const hit = cache.get(key);
	if (hit) return hit;
	const p = compute();
	cache.set(key, p);
	p.catch(() => {
		if (cache.get(key) === p) cache.delete(key);
	});
	return p;
}
