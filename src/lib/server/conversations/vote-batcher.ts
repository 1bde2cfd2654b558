/**
 * Group commit for single votes (core's GroupCommit): votes that arrive while a write is in
 * flight are written together by ONE statement when it finishes, and each caller is answered
 * only after that statement has committed, so an acknowledged vote is durable. A vote that is
 * refused (closed conversation, unknown statement) is reported to its caller alone. Same rules
 * as `castVote`: a repeated (participant, client id) is stored once, a newer history row wins.
 * If the batch statement itself fails (a value the database rejects), GroupCommit writes each
 * vote again on its own with `castVote`, so only the bad one fails.
 */
import type { ConversationsDb } from './conversations.db';
import { GroupCommit } from '../core/batch';
import type { VoteOutcome } from './conversations.types';
import { castVote, insertVotes, type CastVote } from './votes';

const MAX_BATCH = 500;

/** One statement for the batch; refused votes are asked again on their own to say why. */
async function writeVotes(db: ConversationsDb, batch: CastVote[]): Promise<VoteOutcome[]> {
	// A client id repeated inside one batch is answered from its first occurrence.
	const first = new Map<string, number>();
	const unique: CastVote[] = [];
	const dupOf: number[] = [];
	for (const v of batch) {
		const key = `${v.participantId}|${v.clientId}`;
		const at = first.get(key);
		if (at === undefined) {
			first.set(key, unique.length);
			dupOf.push(-1);
			unique.push(v);
		} else dupOf.push(at);
	}
	const outcome = await insertVotes(db, unique);
	const results: VoteOutcome[] = await Promise.all(
		unique.map(async (v, i) => {
			const fresh = outcome.get(i);
			if (fresh !== undefined) return { ok: true as const, duplicate: !fresh };
			// Refused: castVote repeats the checks for this one vote and says why.
			return castVote(db, v);
		})
	);
	let u = 0;
	return dupOf.map((d) => {
		if (d === -1) return results[u++];
		const res = results[d];
		return res.ok ? { ok: true, duplicate: true } : res;
	});
}

export class VoteBatcher {
	private readonly commit: GroupCommit<CastVote, VoteOutcome>;

	constructor(db: ConversationsDb) {
		this.commit = new GroupCommit({
			writeBatch: (votes) => writeVotes(db, votes),
			writeOne: (v) => castVote(db, v),
			maxItems: MAX_BATCH,
			// No waiting: a lone vote is written at once, and the votes arriving during that write
			// form the next batch.
			maxWaitMs: 0
		});
	}

	submit(v: CastVote): Promise<VoteOutcome> {
		return this.commit.submit(v);
	}
}

const batchers = new WeakMap<ConversationsDb, VoteBatcher>();

export function batcherFor(db: ConversationsDb): VoteBatcher {
	let b = batchers.get(db);
	if (!b) batchers.set(db, (b = new VoteBatcher(db)));
	return b;
}
