import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { PGlite } from '@electric-sql/pglite';
import { migrateToLatest } from '../../src/lib/server/core/db/migrations';
import { migrationsFromDisk } from '../../src/lib/server/core/db/migrations-from-disk';

/** Runs the project's migrations on a raw PGlite instance (without closing it). */
export async function migratePglite(lite: PGlite): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const db = new Kysely<any>({ dialect: new PGliteDialect(lite) });
	await migrateToLatest(db, await migrationsFromDisk());
}
