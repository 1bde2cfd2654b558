import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	createConversation,
	createConversationSchema,
	ensureParticipant,
	setConversationStatus
} from '../../../src/lib/server/conversations';
import { VoteBatcher } from '../../../src/lib/server/conversations/vote-batcher';

describe.each(BACKENDS)('grouped vote intake on %s', (backend) => {
	let t: TestDb;
	let conv: string;
	let actor: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		const u = await t.db
			.insertInto('app_user')
			.values({ email: 'b@x.fi', display_name: 'B' })
			.returning('id')
			.executeTakeFirstOrThrow();
		actor = u.id;
		conv = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({
				topic: 'Erä',
				seeds: 'Yksi väite\nToinen väite\nKolmas väite'
			})
		);
	});
	afterAll(() => t.close());

	it('stores concurrent votes once each, answers refusals alone, and keeps the latest change', async () => {
		const b = new VoteBatcher(t.db);
		const pids = [];
		for (let i = 0; i < 10; i++)
			pids.push(await ensureParticipant(t.db, conv, { kind: 'xid', xid: `b${i}` }));
		const jobs = [];
		for (const pid of pids) {
			for (let tid = 0; tid < 3; tid++) {
				const v = {
					conversationId: conv,
					participantId: pid,
					tid,
					vote: 1 as const,
					clientId: `v-${tid}`
				};
				jobs.push(b.submit(v), b.submit(v)); // a retry racing the original
			}
			// A change of mind right behind the first vote on statement 0.
			jobs.push(
				b.submit({
					conversationId: conv,
					participantId: pid,
					tid: 0,
					vote: -1,
					clientId: 'change-0'
				})
			);
			jobs.push(
				b.submit({ conversationId: conv, participantId: pid, tid: 9, vote: 1, clientId: 'bad-9' })
			);
		}
		const out = await Promise.all(jobs);
		const refused = out.filter((o) => !o.ok);
		expect(refused).toHaveLength(10);
		expect(refused.every((o) => !o.ok && o.error === 'unknown_statement')).toBe(true);
		const fresh = out.filter((o) => o.ok && !o.duplicate).length;
		expect(fresh).toBe(40);
		const history = await t.db
			.selectFrom('conversation_vote_history')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('conversation_id', '=', conv)
			.executeTakeFirstOrThrow();
		expect(Number(history.n)).toBe(40);
		const latest = await t.db
			.selectFrom('conversation_vote as v')
			.innerJoin('conversation_statement as s', 's.id', 'v.statement_id')
			.select(['s.tid', 'v.vote'])
			.where('v.conversation_id', '=', conv)
			.execute();
		expect(latest).toHaveLength(30);
		expect(latest.filter((r) => r.tid === 0).every((r) => r.vote === -1)).toBe(true);
		expect(latest.filter((r) => r.tid !== 0).every((r) => r.vote === 1)).toBe(true);
	});

	it('refuses votes once the conversation is closed', async () => {
		const b = new VoteBatcher(t.db);
		const pid = await ensureParticipant(t.db, conv, { kind: 'xid', xid: 'late' });
		await setConversationStatus(t.db, actor, conv, 'closed');
		const out = await b.submit({
			conversationId: conv,
			participantId: pid,
			tid: 1,
			vote: 0,
			clientId: 'late-1'
		});
		expect(out).toEqual({ ok: false, error: 'closed' });
	});
});
