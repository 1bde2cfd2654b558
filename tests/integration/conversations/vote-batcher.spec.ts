import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	createConversation,
	createConversationSchema,
	ensureParticipant,
	handleVoteApi,
	setConversationStatus,
	VoteBatcher
} from '../../../src/lib/server/conversations';
import { apiPath, event } from './http-event';

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
			pids.push(await ensureParticipant(t.db, conv, { kind: 'anon', key: `batch-${i}` }));
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

	it('a bad vote in flight with honest ones is refused with 400 and every honest vote is stored', async () => {
		const post = (body: object) =>
			handleVoteApi(t.db, event({ id: conv, path: apiPath(conv), json: body }));
		const honest = Array.from({ length: 30 }, (_, i) => ({
			tid: i % 3,
			vote: 1,
			clientId: `honest-http-${i}`
		}));
		const bad: object[] = [
			{ tid: 2147483648, vote: 1, clientId: 'bad-http-int4' },
			{ tid: -1, vote: 1, clientId: 'bad-http-negative' },
			{ tid: 1.5, vote: 1, clientId: 'bad-http-fraction' },
			{ tid: '1', vote: 1, clientId: 'bad-http-string' },
			{ tid: 0, vote: 2, clientId: 'bad-http-vote' },
			{ tid: 0, vote: 1, clientId: '' },
			{ tid: 0, vote: 1, clientId: '          ' },
			{ tid: 0, vote: 1, clientId: 'x'.repeat(65) },
			{
				votes: [
					{ tid: 0, vote: 1, clientId: 'bad-http-batch-0' },
					{ tid: 2 ** 40, vote: 1, clientId: 'bad-http-batch-1' }
				]
			}
		];
		// Interleaved, all in flight at once: one anonymous participant per honest request.
		const requests = honest.flatMap((v, i) => [post(v), ...(i < bad.length ? [post(bad[i])] : [])]);
		const responses = await Promise.all(requests);
		const bodies = await Promise.all(responses.map((r) => r.json()));
		const refused = responses.filter((r) => r.status !== 200);
		expect(refused.map((r) => r.status)).toEqual(bad.map(() => 400));
		for (const b of bodies.filter((x) => !x.ok)) expect(b.message).toMatch(/\S/);
		expect(bodies.filter((x) => x.ok)).toHaveLength(honest.length);
		const stored = await t.db
			.selectFrom('conversation_vote_history')
			.select('client_id')
			.where('conversation_id', '=', conv)
			.where('client_id', 'like', '%-http-%')
			.execute();
		expect(stored.map((r) => r.client_id).sort()).toEqual(honest.map((v) => v.clientId).sort());
	});

	it('when a group write fails, only the vote the database refuses fails; the rest are stored', async () => {
		const b = new VoteBatcher(t.db);
		const pid = await ensureParticipant(t.db, conv, { kind: 'anon', key: 'batch-fallback' });
		const v = (tid: number, clientId: string) => ({
			conversationId: conv,
			participantId: pid,
			tid,
			vote: 1 as const,
			clientId
		});
		// Past the schema (the batcher's own entry): a tid outside PostgreSQL's integer range makes
		// the whole group statement fail.
		const jobs = [
			b.submit(v(0, 'fallback-0')),
			b.submit(v(1, 'fallback-1')),
			b.submit(v(2 ** 31, 'fallback-bad')),
			b.submit(v(2, 'fallback-2')),
			b.submit(v(9, 'fallback-unknown'))
		];
		const out = await Promise.allSettled(jobs);
		expect(out.map((o) => o.status)).toEqual([
			'fulfilled',
			'fulfilled',
			'rejected',
			'fulfilled',
			'fulfilled'
		]);
		expect(out[4]).toEqual({
			status: 'fulfilled',
			value: { ok: false, error: 'unknown_statement' }
		});
		const stored = await t.db
			.selectFrom('conversation_vote_history')
			.select('client_id')
			.where('participant_id', '=', pid)
			.execute();
		expect(stored.map((r) => r.client_id).sort()).toEqual([
			'fallback-0',
			'fallback-1',
			'fallback-2'
		]);
	});

	it('refuses votes once the conversation is closed', async () => {
		const b = new VoteBatcher(t.db);
		const pid = await ensureParticipant(t.db, conv, { kind: 'anon', key: 'batch-late' });
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
