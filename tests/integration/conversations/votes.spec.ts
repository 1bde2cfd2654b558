import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	addFinding,
	createConversation,
	createConversationSchema,
	listFindings,
	listStatements,
	participationOfUser,
	moderateStatement,
	nextStatement,
	setConversationStatus,
	submitStatement,
	voteAs
} from '../../../src/lib/server/conversations';

async function staffUser(t: TestDb) {
	const u = await t.db
		.insertInto('app_user')
		.values({ email: `m${Math.random()}@x.fi`, display_name: 'M' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return u.id;
}

async function count(
	t: TestDb,
	table: 'conversation_vote' | 'conversation_vote_history' | 'conversation_statement',
	conv: string
) {
	const r = await t.db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('conversation_id', '=', conv)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

describe.each(BACKENDS)('conversation votes on %s', (backend) => {
	let t: TestDb;
	let actor: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		actor = await staffUser(t);
	});
	// Each test has a conversation of its own: none depends on what another one voted or wrote.
	const newConversation = (seeds = 'Chat on hyvä\nPuhelin on parempi\nSovellus on vaikea') =>
		createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Digipalvelut', seeds })
		);
	afterAll(() => t.close());

	it('stores seed statements as accepted with tids 0..n-1', async () => {
		const conv = await newConversation();
		const s = await listStatements(t.db, conv);
		expect(s.map((x) => [x.tid, x.status, x.is_seed])).toEqual([
			[0, 'accepted', true],
			[1, 'accepted', true],
			[2, 'accepted', true]
		]);
	});

	it('stores a retried vote once and keeps the latest change', async () => {
		const conv = await newConversation();
		const who = { kind: 'anon' as const, key: 'a'.repeat(24) };
		const first = await voteAs(t.db, conv, who, [{ tid: 0, vote: 1, clientId: 'client-0001' }]);
		expect(first).toMatchObject({ ok: true, stored: 1, duplicates: 0 });
		const retry = await voteAs(t.db, conv, who, [{ tid: 0, vote: 1, clientId: 'client-0001' }]);
		expect(retry).toMatchObject({ ok: true, stored: 0, duplicates: 1 });
		await voteAs(t.db, conv, who, [{ tid: 0, vote: -1, clientId: 'client-0002' }]);
		// A late retry of the first request must not undo the change.
		await voteAs(t.db, conv, who, [{ tid: 0, vote: 1, clientId: 'client-0001' }]);
		const v = await t.db
			.selectFrom('conversation_vote')
			.select('vote')
			.where('conversation_id', '=', conv)
			.execute();
		expect(v.map((x) => x.vote)).toEqual([-1]);
		expect(await count(t, 'conversation_vote_history', conv)).toBe(2);
	});

	it('refuses unknown statements, unknown and closed conversations and writes nothing', async () => {
		const conv = await newConversation();
		const who = { kind: 'anon' as const, key: 'b'.repeat(24) };
		const before = await count(t, 'conversation_vote_history', conv);
		expect(
			await voteAs(t.db, conv, who, [{ tid: 99, vote: 1, clientId: 'client-0003' }])
		).toMatchObject({ ok: false, error: 'unknown_statement' });
		// A batch with one bad vote stores none of it.
		expect(
			await voteAs(t.db, conv, who, [
				{ tid: 1, vote: 1, clientId: 'client-0004' },
				{ tid: 42, vote: 1, clientId: 'client-0005' }
			])
		).toMatchObject({ ok: false, error: 'unknown_statement', index: 1 });
		expect(
			await voteAs(t.db, '00000000-0000-4000-8000-000000000000', who, [
				{ tid: 0, vote: 1, clientId: 'client-0006' }
			])
		).toMatchObject({ ok: false, error: 'unknown_conversation' });
		expect(await count(t, 'conversation_vote_history', conv)).toBe(before);

		const closed = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Suljettu', seeds: 'Yksi väite' })
		);
		await voteAs(t.db, closed, who, [{ tid: 0, vote: 1, clientId: 'client-0007' }]);
		await setConversationStatus(t.db, actor, closed, 'closed');
		expect(
			await voteAs(t.db, closed, who, [{ tid: 0, vote: 0, clientId: 'client-0008' }])
		).toMatchObject({ ok: false, error: 'closed' });
		expect(await count(t, 'conversation_vote_history', closed)).toBe(1);
		expect(await submitStatement(t.db, closed, who, 'Uusi väite')).toEqual({
			ok: false,
			error: 'closed'
		});
	});

	it('holds written statements for moderation, then the author agrees when accepted', async () => {
		const conv = await newConversation();
		const who = { kind: 'anon' as const, key: 'c'.repeat(24) };
		const r = await submitStatement(
			t.db,
			conv,
			who,
			'Asiointi pitää onnistua myös paperilla',
			'stmt-client-1'
		);
		expect(r).toEqual({ ok: true, tid: 3 });
		expect(
			await submitStatement(
				t.db,
				conv,
				who,
				'Asiointi pitää onnistua myös paperilla',
				'stmt-client-1'
			)
		).toEqual({ ok: true, tid: 3 });
		const pending = await listStatements(t.db, conv, ['pending']);
		expect(pending.map((s) => s.tid)).toEqual([3]);
		expect(
			await voteAs(t.db, conv, who, [{ tid: 3, vote: 1, clientId: 'client-0009' }])
		).toMatchObject({ ok: false, error: 'unknown_statement' });
		expect(await moderateStatement(t.db, actor, conv, Number(pending[0].id), 'accept')).toBe(true);
		const votes = await t.db
			.selectFrom('conversation_vote')
			.select('vote')
			.where('statement_id', '=', pending[0].id)
			.execute();
		expect(votes.map((v) => v.vote)).toEqual([1]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', String(pending[0].id))
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['conversation.statement.accept']);
	});

	it('rejects markup, too short and too long statements in the schema', () => {
		const s = createConversationSchema.shape.seeds;
		expect(s.safeParse('<b>lihava</b>').success).toBe(false);
		expect(s.safeParse('ok').success).toBe(false);
		expect(s.safeParse('x'.repeat(281)).success).toBe(false);
		expect(s.safeParse('Tavallinen väite, jossa on & merkki').success).toBe(true);
	});

	it('next statement skips voted ones and favours statements with few votes', async () => {
		const conv = await newConversation(
			'Chat on hyvä\nPuhelin on parempi\nSovellus on vaikea\nPaperi on tarpeen'
		);
		// Others have voted on tid 0 and 3; tid 2 has no votes.
		for (const [key, tid] of [
			['x', 0],
			['y', 3]
		] as const)
			await voteAs(t.db, conv, { kind: 'anon', key: key.repeat(24) }, [
				{ tid, vote: 1, clientId: `other-${key}` }
			]);
		const who = { kind: 'anon' as const, key: 'd'.repeat(24) };
		const c = await t.db
			.selectFrom('conversation')
			.selectAll()
			.where('id', '=', conv)
			.executeTakeFirstOrThrow();
		const r = await voteAs(t.db, conv, who, [{ tid: 1, vote: 1, clientId: 'client-0010' }]);
		if (!r.ok) throw new Error('vote failed');
		const picks = new Map<number, number>();
		for (let i = 0; i < 200; i++) {
			const n = await nextStatement(t.db, c, r.participantId, () => (i + 0.5) / 200);
			const tid = n.statement!.tid;
			picks.set(tid, (picks.get(tid) ?? 0) + 1);
		}
		expect(picks.has(1)).toBe(false);
		// tid 0 and 3 have votes, tid 2 has none: it gets the largest share.
		expect(picks.get(2)!).toBeGreaterThan(picks.get(0)!);
	});

	it('keeps findings with the conversation', async () => {
		const conv = await newConversation();
		const s = await listStatements(t.db, conv);
		expect(await addFinding(t.db, actor, conv, Number(s[0].id), 'Tärkeä')).toBe(true);
		expect(await addFinding(t.db, actor, conv, 999999, '')).toBe(false);
		const f = await listFindings(t.db, conv);
		expect(f.map((x) => [x.tid, x.note])).toEqual([[0, 'Tärkeä']]);
	});

	it("records a signed-in person's participation in their own history", async () => {
		const conv = await newConversation();
		const user = await staffUser(t);
		await voteAs(t.db, conv, { kind: 'user', userId: user }, [
			{ tid: 2, vote: 0, clientId: 'user-vote-1' }
		]);
		const mine = await participationOfUser(t.db, user);
		expect(mine.map((m) => [m.id, Number(m.votes)])).toEqual([[conv, 1]]);
	});

	it('asks anonymous people to sign in where the conversation requires it, and may refuse own statements', async () => {
		const closedDoor = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({
				topic: 'Vain kirjautuneille',
				seeds: 'Väite yksi',
				allowAnonymous: false,
				allowStatements: false
			})
		);
		const anon = { kind: 'anon' as const, key: 'e'.repeat(24) };
		expect(
			await voteAs(t.db, closedDoor, anon, [{ tid: 0, vote: 1, clientId: 'anon-vote-1' }])
		).toEqual({ ok: false, error: 'sign_in' });
		const user = await staffUser(t);
		const who = { kind: 'user' as const, userId: user };
		expect(
			await voteAs(t.db, closedDoor, who, [{ tid: 0, vote: 1, clientId: 'user-vote-2' }])
		).toMatchObject({ ok: true });
		expect(await submitStatement(t.db, closedDoor, who, 'Oma väite tähän')).toEqual({
			ok: false,
			error: 'not_allowed'
		});
		const participants = await t.db
			.selectFrom('conversation_participant')
			.select('app_user_id')
			.where('conversation_id', '=', closedDoor)
			.execute();
		expect(participants).toEqual([{ app_user_id: user }]);
	});

	it('a participant created in a transaction that rolls back is not remembered: their next vote is stored', async () => {
		const c = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Peruutus', seeds: 'Väite yksi' })
		);
		// Any failure after the participant row rolls the statement's transaction back; a trigger
		// stands in for it here.
		await sql`create function test_fail_statement() returns trigger language plpgsql as
			$$ begin raise exception 'forced failure'; end $$`.execute(t.db);
		await sql`create trigger test_fail_statement before insert on conversation_statement
			for each row when (new.body = 'Tämä kaatuu tarkoituksella')
			execute function test_fail_statement()`.execute(t.db);
		try {
			const who = { kind: 'anon' as const, key: 'r'.repeat(24) };
			await expect(submitStatement(t.db, c, who, 'Tämä kaatuu tarkoituksella')).rejects.toThrow(
				/forced failure/
			);
			const rows = await t.db
				.selectFrom('conversation_participant')
				.select('id')
				.where('conversation_id', '=', c)
				.execute();
			expect(rows).toEqual([]);
			expect(
				await voteAs(t.db, c, who, [{ tid: 0, vote: 1, clientId: 'after-rollback-1' }])
			).toMatchObject({ ok: true, stored: 1 });
			expect(await count(t, 'conversation_vote', c)).toBe(1);
		} finally {
			await sql`drop trigger test_fail_statement on conversation_statement`.execute(t.db);
			await sql`drop function test_fail_statement()`.execute(t.db);
		}
	});

	it('a statement sent while the conversation is being closed is refused once the close commits', async () => {
		const c = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Sulkeutuu', seeds: 'Väite yksi' })
		);
		const who = { kind: 'anon' as const, key: 's'.repeat(24) };
		let sent: ReturnType<typeof submitStatement> | undefined;
		await t.db.transaction().execute(async (trx) => {
			// The moderator's close, not yet committed (what setConversationStatus writes).
			await trx
				.updateTable('conversation')
				.set({ status: 'closed', closed_at: new Date() })
				.where('id', '=', c)
				.execute();
			sent = submitStatement(t.db, c, who, 'Ehdinkö vielä mukaan');
			// Give the statement time to read the conversation and reach its lock.
			await new Promise((r) => setTimeout(r, 300));
		});
		expect(await sent).toEqual({ ok: false, error: 'closed' });
		expect(await count(t, 'conversation_statement', c)).toBe(1);
	});
});
