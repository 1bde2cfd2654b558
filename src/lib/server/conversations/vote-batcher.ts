/**
 * Group commit for single votes: votes that arrive while a flush is in flight are written
 * together by ONE statement (one round trip, one WAL flush) when it finishes. Each caller's
 * promise resolves only after that statement has committed, so an acknowledged vote is durable;
 * a vote that is refused (closed conversation, unknown statement) is reported to its caller alone.
 * Same rules as `castVote`: a repeated (participant, client id) is stored once, a newer history
 * row wins. If the batch statement itself fails (a value the database rejects), each vote of the
 * batch is written again on its own, so only the bad one fails and honest votes beside it stand,
 * as the feedback intake batcher does.
 */
import type { ConversationsDb } from './conversations.db';
import type { VoteOutcome } from './conversations.types';
import { castVote, insertVotes, type CastVote } from './votes';

interface Pending {
	v: CastVote;
	resolve: (o: VoteOutcome) => void;
	reject: (e: unknown) => void;
}

const MAX_BATCH = 500;

export class VoteBatcher {
	private queue: Pending[] = [];
	private flushing = false;

	constructor(private readonly db: ConversationsDb) {}

	submit(v: CastVote): Promise<VoteOutcome> {
		return new Promise((resolve, reject) => {
			this.queue.push({ v, resolve, reject });
			if (!this.flushing) void this.flush();
		});
	}

	private async flush(): Promise<void> {
		this.flushing = true;
		try {
			while (this.queue.length > 0) {
				const batch = this.queue.splice(0, MAX_BATCH);
				await this.write(batch).catch((e: unknown) => this.writeOneByOne(batch, e));
			}
		} finally {
			this.flushing = false;
		}
	}

	/** Fallback after a failed batch: one statement per vote, each answered on its own. */
	private async writeOneByOne(batch: Pending[], batchError: unknown): Promise<void> {
		if (batch.length === 1) return batch[0].reject(batchError);
		for (const p of batch) {
			await castVote(this.db, p.v).then(p.resolve, p.reject);
		}
	}

	private async write(batch: Pending[]): Promise<void> {
		// A client id repeated inside one batch is answered from its first occurrence.
		const first = new Map<string, number>();
		const unique: Pending[] = [];
		const dupOf: number[] = [];
		batch.forEach((p) => {
			const key = `${p.v.participantId}|${p.v.clientId}`;
			const at = first.get(key);
			if (at === undefined) {
				first.set(key, unique.length);
				dupOf.push(-1);
				unique.push(p);
			} else dupOf.push(at);
		});
		const outcome = await insertVotes(
			this.db,
			unique.map((p) => p.v)
		);
		const results: Array<VoteOutcome | null> = await Promise.all(
			unique.map(async (p, i) => {
				const fresh = outcome.get(i);
				if (fresh !== undefined) return { ok: true as const, duplicate: !fresh };
				// Refused: castVote repeats the checks for this one vote and says why.
				return castVote(this.db, p.v);
			})
		);
		batch.forEach((p, i) => {
			const res = dupOf[i] === -1 ? results[unique.indexOf(p)] : results[dupOf[i]];
			if (dupOf[i] !== -1 && res?.ok) p.resolve({ ok: true, duplicate: true });
			else p.resolve(res!);
		});
	}
}

const batchers = new WeakMap<ConversationsDb, VoteBatcher>();

export function batcherFor(db: ConversationsDb): VoteBatcher {
	let b = batchers.get(db);
	if (!b) batchers.set(db, (b = new VoteBatcher(db)));
	return b;
}
