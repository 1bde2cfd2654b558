import { describe, expect, it } from 'vitest';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import type { DB } from '../../../src/lib/server/db';
import { migrateToLatest } from '../../../src/lib/server/core/db/migrations';
import { migrationsFromDisk } from '../../../src/lib/server/core/db/migrations-from-disk';
import { pgliteExtensions } from '../../../src/lib/server/core/db/database';

// The migration's SQL is the same on both backends; this needs a database that has stopped at
// the conversations migration, which a fresh in-memory PGlite gives without a server.
describe('migration 2026-12-01T1100_conversation_xid', () => {
	it('gives every existing conversation its own key and leaves XIDs off', async () => {
		const db = new Kysely<DB>({
			dialect: new PGliteDialect(await PGlite.create({ extensions: await pgliteExtensions() }))
		});
		try {
			const all = await migrationsFromDisk();
			const before = Object.fromEntries(
				Object.entries(all).filter(([name]) => name < '2026-12-01T1100_conversation_xid')
			);
			await migrateToLatest(db, before);
			await db
				.insertInto('conversation')
				.values([{ topic: 'Vanha 1' }, { topic: 'Vanha 2' }])
				.execute();
			await migrateToLatest(db, all);
			const rows = await db
				.selectFrom('conversation')
				.select(['allow_xid', 'xid_secret'])
				.execute();
			expect(rows).toHaveLength(2);
			for (const r of rows) {
				expect(r.allow_xid).toBe(false);
				expect(r.xid_secret).toMatch(/^[0-9a-f]{64}$/);
			}
			expect(rows[0].xid_secret).not.toBe(rows[1].xid_secret);
			// An insert that does not set a key (the Polis import, the benchmark) still gets one.
			const fresh = await db
				.insertInto('conversation')
				.values({ topic: 'Uusi' })
				.returning('xid_secret')
				.executeTakeFirstOrThrow();
			expect(fresh.xid_secret).toMatch(/^[0-9a-f]{64}$/);
		} finally {
			await db.destroy();
		}
	});
});
