/**
 * Once per test run: make sure a real PostgreSQL server is there (TEST_DATABASE_URL, or a
 * throwaway cluster), and prepare a migrated PGlite snapshot that each test file clones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';
import { migratePglite } from './migrate-pglite';
import { pgliteExtensions } from '../../src/lib/server/core/db/database';

let pg: ThrowawayPostgres | null = null;
let snapshotDir: string | undefined;

export async function setup(): Promise<void> {
	if (!process.env.TEST_DATABASE_URL) {
		pg = await startThrowawayPostgres();
		if (pg) process.env.TEST_DATABASE_URL = pg.url;
		else if (process.env.CI)
			throw new Error('CI needs PostgreSQL: install it or set TEST_DATABASE_URL');
		else console.warn('No PostgreSQL found: database tests run on PGlite only.');
	}
	snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-pglite-'));
	const lite = await PGlite.create('memory://', { extensions: await pgliteExtensions() });
	await migratePglite(lite);
	const dump = await lite.dumpDataDir('none');
	const file = path.join(snapshotDir, 'migrated.tar');
	fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	await lite.close();
	process.env.TEST_PGLITE_SNAPSHOT = file;
}

export async function teardown(): Promise<void> {
	pg?.stop();
	if (snapshotDir) fs.rmSync(snapshotDir, { recursive: true, force: true });
}
