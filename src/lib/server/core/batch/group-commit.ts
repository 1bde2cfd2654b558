/**
 * Group commit: items submitted while a write is in flight (or within `maxWaitMs` of the first)
 * are written together by one `writeBatch` call, that is one statement or transaction, one round
 * trip and one WAL flush for all of them. Each caller's promise settles only after that write
 * has committed, so an acknowledged item is durable.
 *
 * When the batch write itself fails (a value the database rejects), each item of the batch is
 * written again on its own with `writeOne`, so only the bad item fails and the honest ones beside
 * it stand. A batch of one is not retried: its caller gets the error.
 *
 * Used by the conversations' single-vote intake and the feedback HTTP intake.
 */

export interface GroupCommitOptions<I, R> {
	/** Writes the items in one go; returns one result per item, in the same order. */
	writeBatch: (items: I[]) => Promise<R[]>;
	/** Writes one item alone after a failed batch (default: a batch of that one item). */
	writeOne?: (item: I) => Promise<R>;
	/** Most items per write (counted with `weight`); a longer queue is written in turns. */
	maxItems?: number;
	/**
	 * How long the first item of an idle batcher waits for company. 0: write at once, and let
	 * whatever arrives during that write form the next batch (the write time is the window).
	 */
	maxWaitMs?: number;
	/** How many of `maxItems` an item counts for (a request carrying 50 answers counts 50). */
	weight?: (item: I) => number;
}

interface Pending<I, R> {
	item: I;
	resolve: (r: R) => void;
	reject: (e: unknown) => void;
}

export class GroupCommit<I, R> {
	private queue: Pending<I, R>[] = [];
	private queuedWeight = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** One write in flight: everything arriving meanwhile joins the next, larger batch. */
	private writing = false;
	private readonly maxItems: number;
	private readonly maxWaitMs: number;
	private readonly weight: (item: I) => number;
	private readonly writeOne: (item: I) => Promise<R>;

	constructor(private readonly options: GroupCommitOptions<I, R>) {
		this.maxItems = options.maxItems ?? 500;
		this.maxWaitMs = options.maxWaitMs ?? 0;
		this.weight = options.weight ?? (() => 1);
		this.writeOne = options.writeOne ?? ((item) => options.writeBatch([item]).then((r) => r[0]));
	}

	/** Resolves with the item's result once the write that carried it has committed. */
	submit(item: I): Promise<R> {
		return new Promise<R>((resolve, reject) => {
			this.queue.push({ item, resolve, reject });
			this.queuedWeight += this.weight(item);
			if (this.writing) return;
			if (this.maxWaitMs <= 0 || this.queuedWeight >= this.maxItems) this.flush();
			else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
		});
	}

	/** Takes items from the queue's head up to `maxItems` (always at least one). */
	private take(): Pending<I, R>[] {
		let n = 0;
		let w = 0;
		while (
			n < this.queue.length &&
			(n === 0 || w + this.weight(this.queue[n].item) <= this.maxItems)
		)
			w += this.weight(this.queue[n++].item);
		this.queuedWeight -= w;
		return this.queue.splice(0, n);
	}

	private flush(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		if (this.writing || !this.queue.length) return;
		this.writing = true;
		const batch = this.take();
		void this.write(batch).finally(() => {
			this.writing = false;
			if (this.queue.length) this.flush();
		});
	}

	private async write(batch: Pending<I, R>[]): Promise<void> {
		let results: R[];
		try {
			results = await this.options.writeBatch(batch.map((p) => p.item));
		} catch (e) {
			if (batch.length === 1) return batch[0].reject(e);
			// One after another: the fallback is rare, and the database gets one statement at a time.
			for (const p of batch)
				await Promise.resolve()
					.then(() => this.writeOne(p.item))
					.then(p.resolve, p.reject);
			return;
		}
		if (results.length !== batch.length) {
			const e = new Error(
				`writeBatch returned ${results.length} results for ${batch.length} items`
			);
			return batch.forEach((p) => p.reject(e));
		}
		batch.forEach((p, i) => p.resolve(results[i]));
	}
}
