import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	addSeedStatements,
	createConversation,
	createConversationSchema,
	importPolis,
	listStatements,
	nextStatement,
	parsePolisImport,
	submitStatement
} from '../../../src/lib/server/conversations';

const HETU = '[henkilötunnus]';
const PHONE = '[puhelinnumero]';

describe.each(BACKENDS)('personal data in conversation statements on %s', (backend) => {
	let t: TestDb;
	let actor: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		actor = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'mod@x.fi', display_name: 'M' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => t.close());

	it('a participant statement with an identity code and a phone is stored and shown masked', async () => {
		const conv = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Ajanvaraus', moderation: 'post' })
		);
		const r = await submitStatement(
			t.db,
			conv,
			{ kind: 'anon', key: 'asukas-1' },
			'Minä 131052–308T odotin, soittakaa 040.123.4567'
		);
		expect(r.ok).toBe(true);
		// What moderators list and what the public is shown to vote on.
		const listed = await listStatements(t.db, conv);
		expect(listed.map((s) => s.body)).toEqual([`Minä ${HETU} odotin, soittakaa ${PHONE}`]);
		const c = await t.db
			.selectFrom('conversation')
			.selectAll()
			.where('id', '=', conv)
			.executeTakeFirstOrThrow();
		const shown = await nextStatement(t.db, c, null);
		expect(shown.statement?.body).toBe(`Minä ${HETU} odotin, soittakaa ${PHONE}`);
		const raw = await t.db
			.selectFrom('conversation_statement')
			.select('body')
			.where('conversation_id', '=', conv)
			.execute();
		for (const s of raw) expect(s.body).not.toMatch(/308T|4567/);
	});

	it('seeds and Polis imports are masked too', async () => {
		const conv = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Siemenet', seeds: 'Soita 0401234567 heti' })
		);
		await addSeedStatements(t.db, actor, conv, ['Tunnus 010203B456R muistiin']);
		expect((await listStatements(t.db, conv)).map((s) => s.body)).toEqual([
			`Soita ${PHONE} heti`,
			`Tunnus ${HETU} muistiin`
		]);
		const imported = await importPolis(
			t.db,
			actor,
			parsePolisImport(
				{
					comments: 'comment-id,comment-body\n0,"Hetu 131052 308T, puh +358 40 123 4567"\n',
					participantsVotes: 'participant,0\n0,1\n'
				},
				'Tuonti'
			)
		);
		expect((await listStatements(t.db, imported)).map((s) => s.body)).toEqual([
			`Hetu ${HETU}, puh ${PHONE}`
		]);
	});
});
