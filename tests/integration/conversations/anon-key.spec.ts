/**
 * The anonymous participant's cookie is a bearer secret: the table keeps only its SHA-256, the
 * same cookie goes on as the same participant, and the migration hashed the keys stored before.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import type { DB } from '../../../src/lib/server/db';
import {
	ANON_COOKIE,
	createConversation,
	createConversationSchema,
	forgetParticipants,
	handleVoteApi
} from '../../../src/lib/server/conversations';
import { migrateToLatest } from '../../../src/lib/server/core/db/migrations';
import { migrationsFromDisk } from '../../../src/lib/server/core/db/migrations-from-disk';
import { pgliteExtensions } from '../../../src/lib/server/core/db/database';
import { apiPath, CookieJar, event } from './http-event';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(BACKENDS)('anonymous participants on %s', (backend) => {
	let t: TestDb;
	let conv: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		const actor = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'anon-key@x.fi', display_name: 'M' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		conv = await createConversation(
			t.db,
			actor,
			createConversationSchema.parse({ topic: 'Avoin', seeds: 'Yksi\nKaksi' })
		);
	});
	afterAll(() => t.close());

	it('keeps the hash of the cookie, never the cookie, and knows the person again by it', async () => {
		const jar = new CookieJar();
		const vote = (tid: number, clientId: string) =>
			handleVoteApi(
				t.db,
				event({ id: conv, path: apiPath(conv), jar, json: { tid, vote: 1, clientId } })
			);
		expect((await vote(0, 'anon-key-1')).status).toBe(200);
		const cookie = jar.values.get(ANON_COOKIE)!;
		expect(cookie).toMatch(/^[A-Za-z0-9_-]{20,64}$/);

		const rows = await t.db
			.selectFrom('conversation_participant')
			.select(['id', 'anon_key'])
			.where('conversation_id', '=', conv)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0].anon_key).toBe(sha256(cookie));
		expect(rows[0].anon_key).not.toContain(cookie);

		// The same cookie, after the process forgot its cache: the same participant.
		forgetParticipants();
		expect((await vote(1, 'anon-key-2')).status).toBe(200);
		const after = await t.db
			.selectFrom('conversation_vote')
			.select('participant_id')
			.where('conversation_id', '=', conv)
			.execute();
		expect(after.map((v) => Number(v.participant_id))).toEqual([
			Number(rows[0].id),
			Number(rows[0].id)
		]);
	});
});

describe('migration 2026-12-02T1410_conversation_anon_key_hashed', () => {
	it('hashes the keys stored before, and leaves imported participants as they were', async () => {
		const db = new Kysely<DB>({
			dialect: new PGliteDialect(await PGlite.create({ extensions: await pgliteExtensions() }))
		});
		try {
			const all = await migrationsFromDisk();
			const before = Object.fromEntries(
				Object.entries(all).filter(
					([name]) => name < '2026-12-02T1410_conversation_anon_key_hashed'
				)
			);
			await migrateToLatest(db, before);
			const c = await db
				.insertInto('conversation')
				.values({ topic: 'Vanha' })
				.returning('id')
				.executeTakeFirstOrThrow();
			const cookie = 'Q'.repeat(43);
			await db
				.insertInto('conversation_participant')
				.values([
					{ conversation_id: c.id, anon_key: cookie },
					{ conversation_id: c.id, anon_key: 'import:7' }
				])
				.execute();
			await migrateToLatest(db, all);
			const keys = await db
				.selectFrom('conversation_participant')
				.select('anon_key')
				.orderBy('id')
				.execute();
			expect(keys.map((k) => k.anon_key)).toEqual([sha256(cookie), 'import:7']);
		} finally {
			await db.destroy();
		}
	});
});
