import { describe, expect, it } from 'vitest';
import { cachedPromise, shortLivedCache } from './short-lived-cache';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shortLivedCache', () => {
	it('forgets an entry ttlMs after it was stored, however often it is read', async () => {
		const c = shortLivedCache<string, number>({ max: 10, ttlMs: 60 });
		c.set('a', 1);
		await sleep(30);
		expect(c.get('a')).toBe(1); // a read does not extend its life
		await sleep(45);
		expect(c.get('a')).toBeUndefined();
	});

	it('drops the least recently used entry when full, not everything', () => {
		const c = shortLivedCache<string, number>({ max: 2, ttlMs: 60_000 });
		c.set('a', 1);
		c.set('b', 2);
		c.get('a');
		c.set('c', 3);
		expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([1, undefined, 3]);
	});
});

describe('cachedPromise', () => {
	it('shares one computation between concurrent callers', async () => {
		const c = shortLivedCache<string, Promise<number>>({ max: 10, ttlMs: 60_000 });
		let runs = 0;
		const compute = async () => {
			runs++;
			await sleep(5);
			return 42;
		};
		const all = await Promise.all([1, 2, 3].map(() => cachedPromise(c, 'k', compute)));
		expect(all).toEqual([42, 42, 42]);
		expect(runs).toBe(1);
	});

	it('forgets a rejected computation so the next caller tries again', async () => {
		const c = shortLivedCache<string, Promise<number>>({ max: 10, ttlMs: 60_000 });
		await expect(cachedPromise(c, 'k', () => Promise.reject(new Error('db down')))).rejects.toThrow(
			'db down'
		);
		expect(await cachedPromise(c, 'k', async () => 7)).toBe(7);
	});
});
