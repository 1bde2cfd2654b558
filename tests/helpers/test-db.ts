/**
 * A fresh, migrated database per test file, on each backend: PGlite (cloned from the snapshot
 * made in global-setup) and, when available, a real PostgreSQL server (a new database).
 * Use `describe.each(BACKENDS)` so every database test runs on both.
 */
import fs from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';
import type { DB } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/core/db/migrations';
import { migrationsFromDisk } from '../../src/lib/server/core/db/migrations-from-disk';
import { pgliteExtensions } from '../../src/lib/server/core/db/database';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL
	? ['pglite', 'postgres']
	: ['pglite'];

export interface TestDb {
	db: Kysely<DB>;
	/** On PostgreSQL: the test database's connection string, for child processes. */
	url?: string;
	/** The `pg` pool under `db` on PostgreSQL (for libraries that take one). */
	pool?: pg.Pool;
	close(): Promise<void>;
}

export async function createTestDb(backend: Backend): Promise<TestDb> {
	if (backend === 'pglite') {
		const snapshot = process.env.TEST_PGLITE_SNAPSHOT;
		const lite = await PGlite.create({
			loadDataDir: snapshot ? new Blob([fs.readFileSync(snapshot)]) : undefined,
			extensions: await pgliteExtensions(),
			parsers: { [types.INT8]: (v: string) => Number(v), [types.NUMERIC]: (v: string) => Number(v) }
		});
		const db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
		if (!snapshot) await migrateToLatest(db, await migrationsFromDisk());
		return { db, close: () => db.destroy() };
	}
	const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await admin.connect();
	const name = `test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
	await admin.query(`create database ${name}`);
	await admin.end();
	pg.types.setTypeParser(20, (v: string) => Number(v));
	pg.types.setTypeParser(1700, (v: string) => Number(v));
	const url = new URL(process.env.TEST_DATABASE_URL!);
	url.pathname = `/${name}`;
	const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
	let closing = false;
	// An idle client cut off while the pool shuts down must not surface as an unhandled error;
	// before that, a lost connection is a real failure and is reported.
	pool.on('error', (e) => {
		if (!closing) console.error('test database pool error:', e.message);
	});
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
	await migrateToLatest(db, await migrationsFromDisk());
	return {
		db,
		url: url.toString(),
		pool,
		async close() {
			closing = true;
			await db.destroy();
			const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
			await c.connect();
			// Clients of the ended pool may still be closing: wait for them before forcing.
			for (let i = 0; i < 20; i++) {
				const { rows } = await c.query<{ n: string }>(
					'select count(*) as n from pg_stat_activity where datname = $1',
					[name]
				);
				if (Number(rows[0].n) === 0) break;
				await new Promise((r) => setTimeout(r, 50));
			}
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}
