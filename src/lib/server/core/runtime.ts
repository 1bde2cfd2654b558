/**
 * The server's shared state: the database (migrated and seeded on first use) and the mail worker.
 * Started once per process from hooks.server.ts `init`.
 */
import { config, type AppConfig } from './config';
import { createDatabase, pgPoolOf, type Db } from './db/database';
import { migrateToLatest } from './db/migrations';
import { bundledMigrations } from './db/migrations-bundled';
import { seedReferenceData } from './org';
import { folderSender, smtpSender, startMailWorker, type WorkerHandle } from './mail';
import { seedDemoData } from '../demo';
import { startPeriodicJobs, type JobsHandle } from './jobs';
import { moduleJobs } from '../jobs';
import { useRateLimitStore } from './rate-limit';

export interface Runtime {
	db: Db;
	config: AppConfig;
	mailWorker: WorkerHandle | null;
	jobs: JobsHandle | null;
}

let started: Promise<Runtime> | undefined;

async function start(): Promise<Runtime> {
	const cfg = config();
	const db = await createDatabase({
		databaseUrl: cfg.databaseUrl,
		pgliteDataDir: cfg.pgliteDataDir
	});
	await migrateToLatest(db, bundledMigrations);
	// PostgreSQL: one budget for every process on the database; PGlite: one process, memory.
	const pool = pgPoolOf(db);
	useRateLimitStore(pool ? { kind: 'postgres', pool } : { kind: 'memory' });
	await seedReferenceData(db);
	if (cfg.demoData) await seedDemoData(db);
	const sender = cfg.smtpUrl ? smtpSender(cfg.smtpUrl) : folderSender(cfg.mailDir);
	const mailWorker = cfg.mailWorker ? startMailWorker(db, sender, cfg.mailFrom) : null;
	const jobs = cfg.backgroundJobs ? startPeriodicJobs(db, moduleJobs) : null;
	return { db, config: cfg, mailWorker, jobs };
}

export function runtime(): Promise<Runtime> {
	started ??= start();
	return started;
}

/** Graceful stop: finish the mail batch in flight, then close the database cleanly. */
export async function shutdown(): Promise<void> {
	if (!started) return;
	const rt = await started;
	await rt.jobs?.stop();
	await rt.mailWorker?.stop();
	await rt.db.destroy();
}
