/**
 * Group commit for the HTTP intake: requests arriving within a few milliseconds are written in
 * one transaction (responses + rollups), and each request is answered only after that commit,
 * so nothing acknowledged can be lost. Without it every answer would wait for its own commit
 * and for the lock on its hot rollup row; with it, ~1 000 answers/s fit in a few commits.
 */
import type { FeedbackDb } from './feedback.db';
import {
	prepareResponses,
	writePrepared,
	type IntakeResult,
	type Prepared
} from './intake.service';
import type { ResponseInput } from './feedback.types';

interface Pending {
	items: Prepared[];
	/** Per item: true when this request stored it, false when it was already there. */
	resolve: (r: boolean[]) => void;
	reject: (e: unknown) => void;
}

export class IntakeBatcher {
	private queue: Pending[] = [];
	private queued = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** One write in flight: everything arriving meanwhile joins the next, larger batch. */
	private writing = false;

	constructor(
		private readonly db: FeedbackDb,
		private readonly maxItems = 500,
		private readonly maxWaitMs = 4
	) {}

	/** Validates at once (bad input is refused before queueing), then waits for the commit. */
	async submit(inputs: ResponseInput[]): Promise<IntakeResult> {
		const fresh = await this.submitPrepared(await prepareResponses(this.db, inputs));
		const stored = fresh.filter(Boolean).length;
		return { stored, duplicates: fresh.length - stored };
	}

	/** Queues checked items for the next commit; per item, whether this request stored it. */
	submitPrepared(items: Prepared[]): Promise<boolean[]> {
		if (!items.length) return Promise.resolve([]);
		return new Promise<boolean[]>((resolve, reject) => {
			this.queue.push({ items, resolve, reject });
			this.queued += items.length;
			if (this.writing) return;
			if (this.queued >= this.maxItems) this.flush();
			else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
		});
	}

	private flush() {
		clearTimeout(this.timer);
		this.timer = undefined;
		const batch = this.queue;
		this.queue = [];
		this.queued = 0;
		if (!batch.length) return;
		this.writing = true;
		writePrepared(
			this.db,
			batch.flatMap((p) => p.items)
		)
			.then(
				(fresh) => {
					// The first request that carried a new client id gets the credit for it.
					for (const p of batch) p.resolve(p.items.map((it) => fresh.delete(it.input.clientId)));
				},
				(e: unknown) => {
					if (batch.length === 1) return batch[0].reject(e);
					// One bad request must not fail the others: write each on its own.
					for (const p of batch)
						writePrepared(this.db, p.items).then(
							(fresh) => p.resolve(p.items.map((it) => fresh.delete(it.input.clientId))),
							(err: unknown) => p.reject(err)
						);
				}
			)
			.finally(() => {
				this.writing = false;
				if (this.queue.length) this.flush();
			});
	}
}

const batchers = new WeakMap<FeedbackDb, IntakeBatcher>();
export function batcherFor(db: FeedbackDb): IntakeBatcher {
	let b = batchers.get(db);
	if (!b) batchers.set(db, (b = new IntakeBatcher(db)));
	return b;
}
