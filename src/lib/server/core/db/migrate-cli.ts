/** `npm run migrate`: brings the configured database (DATABASE_URL or PGlite folder) up to date. */
import { loadConfig } from '../config';
import { createDatabase } from './database';
import { migrateToLatest } from './migrations';
import { migrationsFromDisk } from './migrations-from-disk';

const cfg = loadConfig();
const db = await createDatabase({ databaseUrl: cfg.databaseUrl, pgliteDataDir: cfg.pgliteDataDir });
try {
	const applied = await migrateToLatest(db, await migrationsFromDisk());
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
	await db.destroy();
}
