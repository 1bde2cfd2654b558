/**
 * The server's shared state: the database (migrated and seeded on first use) and the mail worker.
 * Started once per process from hooks.server.ts `init`.
 */
import { config, type AppConfig } from './config';
import { createDatabase, type Db } from './db/database';
import { migrateToLatest } from './db/migrations';
import { bundledMigrations } from './db/migrations-bundled';
import { seedReferenceData } from './org';
import { folderSender, smtpSender, startMailWorker, type WorkerHandle } from './mail';
import { seedDemoData } from '../demo';
import { startMapWorker, type MapWorkerHandle } from '../conversations/map-worker';

export interface Runtime {
	db: Db;
	config: AppConfig;
	mailWorker: WorkerHandle | null;
	/** conversations module: recomputes opinion maps with new votes (CONVERSATIONS_MAP_WORKER=0 turns it off). */
	mapWorker: MapWorkerHandle | null;
}

let started: Promise<Runtime> | undefined;

async function start(): Promise<Runtime> {
	const cfg = config();
	const db = await createDatabase({
		databaseUrl: cfg.databaseUrl,
		pgliteDataDir: cfg.pgliteDataDir
	});
	await migrateToLatest(db, bundledMigrations);
	await seedReferenceData(db);
	if (cfg.demoData) await seedDemoData(db);
	const sender = cfg.smtpUrl ? smtpSender(cfg.smtpUrl) : folderSender(cfg.mailDir);
	const mailWorker = cfg.mailWorker ? startMailWorker(db, sender, cfg.mailFrom) : null;
	// conversations module: opinion-map worker.
	const mapWorker = process.env.CONVERSATIONS_MAP_WORKER === '0' ? null : startMapWorker(db);
	return { db, config: cfg, mailWorker, mapWorker };
}

export function runtime(): Promise<Runtime> {
	started ??= start();
	return started;
}

/** Graceful stop: finish the mail batch in flight, then close the database cleanly. */
export async function shutdown(): Promise<void> {
	if (!started) return;
	const rt = await started;
	await rt.mailWorker?.stop();
	await rt.mapWorker?.stop();
	await rt.db.destroy();
}
