/**
 * Group commit for the HTTP intake (core's GroupCommit): requests arriving within a few
 * milliseconds are written in one transaction (responses + rollups), and each request is
 * answered only after that commit, so nothing acknowledged can be lost. Without it every answer
 * would wait for its own commit and for the lock on its hot rollup row; with it, ~1 000 answers/s
 * fit in a few commits. When that transaction fails, each request is written on its own, so one
 * bad request does not fail the others.
 */
import type { FeedbackDb } from './feedback.db';
import { GroupCommit } from '../core/batch';
import {
	prepareResponses,
	writePrepared,
	type IntakeResult,
	type Prepared
} from './intake.service';
import type { ResponseInput } from './feedback.types';

/** Per request and item: true when this request stored it, false when it was already there. */
async function writeRequests(db: FeedbackDb, requests: Prepared[][]): Promise<boolean[][]> {
	const fresh = await writePrepared(db, requests.flat());
	// The first request that carried a new client id gets the credit for it.
	return requests.map((items) => items.map((it) => fresh.delete(it.input.clientId)));
}

export class IntakeBatcher {
	private readonly commit: GroupCommit<Prepared[], boolean[]>;

	constructor(
		private readonly db: FeedbackDb,
		maxItems = 500,
		maxWaitMs = 4
	) {
		this.commit = new GroupCommit({
			writeBatch: (requests) => writeRequests(db, requests),
			maxItems,
			maxWaitMs,
			weight: (items) => items.length
		});
	}

	/** Validates at once (bad input is refused before queueing), then waits for the commit. */
	async submit(inputs: ResponseInput[]): Promise<IntakeResult> {
		const fresh = await this.submitPrepared(await prepareResponses(this.db, inputs));
		const stored = fresh.filter(Boolean).length;
		return { stored, duplicates: fresh.length - stored };
	}

	/** Queues checked items for the next commit; per item, whether this request stored it. */
	submitPrepared(items: Prepared[]): Promise<boolean[]> {
		if (!items.length) return Promise.resolve([]);
		return this.commit.submit(items);
	}
}

const batchers = new WeakMap<FeedbackDb, IntakeBatcher>();
export function batcherFor(db: FeedbackDb): IntakeBatcher {
	let b = batchers.get(db);
	if (!b) batchers.set(db, (b = new IntakeBatcher(db)));
	return b;
}
