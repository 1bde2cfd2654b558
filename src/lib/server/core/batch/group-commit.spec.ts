import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

/** A fake store: each write takes a turn of the event loop and is then "committed". */
function store(opts: { failOn?: string } = {}) {
	const committed: string[] = [];
	const batches: string[][] = [];
	const write = async (items: string[]) => {
		batches.push(items);
		await new Promise((r) => setTimeout(r, 5));
		if (opts.failOn && items.includes(opts.failOn)) throw new Error(`bad item ${opts.failOn}`);
		committed.push(...items);
		return items.map((i) => `ok:${i}`);
	};
	return { committed, batches, write };
}

describe('GroupCommit', () => {
	it('writes what arrives during a write as one next batch, answering after the commit', async () => {
		const s = store();
		const gc = new GroupCommit({ writeBatch: s.write });
		const answered: string[] = [];
		const first = gc.submit('a').then((r) => {
			expect(s.committed).toContain('a'); // never answered before its commit
			answered.push(r);
		});
		const rest = ['b', 'c', 'd'].map((x) =>
			gc.submit(x).then((r) => {
				expect(s.committed).toContain(x);
				answered.push(r);
			})
		);
		await Promise.all([first, ...rest]);
		expect(s.batches).toEqual([['a'], ['b', 'c', 'd']]);
		expect(answered).toEqual(['ok:a', 'ok:b', 'ok:c', 'ok:d']);
	});

	it('waits maxWaitMs for company when asked to, and writes at once when full', async () => {
		const s = store();
		const gc = new GroupCommit({ writeBatch: s.write, maxWaitMs: 20, maxItems: 3 });
		const a = gc.submit('a');
		await new Promise((r) => setTimeout(r, 5));
		const b = gc.submit('b');
		await Promise.all([a, b]);
		expect(s.batches).toEqual([['a', 'b']]);
		const started = Date.now();
		await Promise.all(['x', 'y', 'z'].map((x) => gc.submit(x)));
		expect(s.batches[1]).toEqual(['x', 'y', 'z']);
		expect(Date.now() - started).toBeLessThan(20 + 5); // did not wait out the timer
	});

	it('keeps batches within maxItems, counting each item by its weight', async () => {
		const s = store();
		const gc = new GroupCommit<string, string>({
			writeBatch: s.write,
			maxItems: 4,
			weight: (x) => x.length
		});
		await Promise.all(['aa', 'bb', 'cc', 'dddddd', 'e'].map((x) => gc.submit(x)));
		// The first write goes alone; then at most 4 "letters" per write, an oversized item alone.
		expect(s.batches).toEqual([['aa'], ['bb', 'cc'], ['dddddd'], ['e']]);
	});

	it('isolates a bad item: the batch is written again one by one, only the bad one fails', async () => {
		const s = store({ failOn: 'bad' });
		const gc = new GroupCommit({ writeBatch: s.write });
		const lone = gc.submit('first');
		const results = await Promise.allSettled(['x', 'bad', 'y'].map((v) => gc.submit(v)));
		await lone;
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(String((results[1] as PromiseRejectedResult).reason)).toContain('bad item bad');
		expect(s.committed).toEqual(['first', 'x', 'y']);
		// The failed batch, then x, bad and y on their own.
		expect(s.batches.slice(1)).toEqual([['x', 'bad', 'y'], ['x'], ['bad'], ['y']]);
	});

	it('does not retry a batch of one, and uses writeOne for the retries when given', async () => {
		const s = store({ failOn: 'bad' });
		const single: string[] = [];
		const gc = new GroupCommit({
			writeBatch: s.write,
			writeOne: async (x: string) => {
				single.push(x);
				if (x === 'bad') throw new Error('refused alone');
				return `one:${x}`;
			}
		});
		await expect(gc.submit('bad')).rejects.toThrow('bad item bad');
		expect(single).toEqual([]);
		const lone = gc.submit('a');
		const [ok, bad] = await Promise.allSettled([gc.submit('b'), gc.submit('bad')]);
		await lone;
		expect(ok).toEqual({ status: 'fulfilled', value: 'one:b' });
		expect(String((bad as PromiseRejectedResult).reason)).toContain('refused alone');
	});

	it('refuses a batch writer that answers for the wrong number of items', async () => {
		const gc = new GroupCommit({ writeBatch: async (items: string[]) => items.slice(1) });
		await expect(gc.submit('a')).rejects.toThrow('returned 0 results for 1 items');
	});
});
