import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	computeMapNow,
	createConversation,
	createConversationSchema,
	getMap,
	recomputeDue,
	voteAs,
	type MapResult
} from '../../../src/lib/server/conversations';

/**
 * Calls `between` once, right after the map worker has read the participant list and before it
 * reads the votes: the moment a new participant's first vote landed in the benchmark.
 */
function afterParticipantRead(between: () => Promise<void>): KyselyPlugin {
	const participantReads = new Set<string>();
	let done = false;
	return {
		transformQuery({ node, queryId }: { node: RootOperationNode; queryId: QueryId }) {
			const text = JSON.stringify(node);
			if (
				node.kind === 'SelectQueryNode' &&
				text.includes('"conversation_participant"') &&
				!text.includes('"conversation_vote"')
			)
				participantReads.add(queryId.queryId);
			return node;
		},
		async transformResult({ result, queryId }) {
			if (!done && participantReads.has(queryId.queryId)) {
				done = true;
				await between();
			}
			return result;
		}
	};
}

// Needs a second connection writing while the worker reads: PGlite has only one.
describe.skipIf(!BACKENDS.includes('postgres'))('opinion map worker under incoming votes', () => {
	let t: TestDb;
	let conv: string;
	beforeAll(async () => {
		t = await createTestDb('postgres');
		const u = await t.db
			.insertInto('app_user')
			.values({ email: 'map@x.fi', display_name: 'M' })
			.returning('id')
			.executeTakeFirstOrThrow();
		conv = await createConversation(
			t.db,
			u.id,
			createConversationSchema.parse({
				topic: 'Kartta kuormassa',
				seeds: Array.from({ length: 6 }, (_, i) => `Väite numero ${i}`).join('\n')
			})
		);
		for (let p = 0; p < 12; p++) {
			const votes = Array.from({ length: 6 }, (_, tid) => ({
				tid,
				vote: ((tid % 2 === 0) === p < 6 ? 1 : -1) as 1 | -1,
				clientId: `early-${p}-${tid}`
			}));
			expect((await voteAs(t.db, conv, { kind: 'anon', key: `early-${p}` }, votes)).ok).toBe(true);
		}
	});
	afterAll(() => t.close());

	it('a participant who joins and votes while the map is being read does not break the recompute', async () => {
		const joinAndVote = async () => {
			const r = await voteAs(t.db, conv, { kind: 'anon', key: 'late-joiner' }, [
				{ tid: 0, vote: 1, clientId: 'late-joiner-0' }
			]);
			expect(r.ok).toBe(true);
		};
		const reading = t.db.withPlugin(afterParticipantRead(joinAndVote));
		// Before the fix: "vote …: unknown participant …" from the engine, logged by the worker.
		await computeMapNow(reading, conv);
		const first = await getMap(t.db, conv);
		expect((first!.result as MapResult).participants).toHaveLength(12);

		// The late vote was not part of that snapshot, so the map is due again and then has it.
		expect(await recomputeDue(t.db, { minIntervalMs: 0, onlyId: conv })).toEqual([conv]);
		const second = await getMap(t.db, conv);
		expect((second!.result as MapResult).participants).toHaveLength(13);
		expect(Number(second!.last_history_id)).toBeGreaterThan(Number(first!.last_history_id));
	});
});
