/**
 * Starts the server's shared state from the module manifests it is handed: the database
 * (migrated, reference data, demo data on first use), the mail worker, the event delivery to
 * every manifest's handlers and every manifest's periodic jobs. Core imports no module: the composition root (src/lib/server/runtime.ts)
 * passes the manifests and names the full database type.
 */
import { config, type AppConfig } from './config';
import { createDatabase, pgPoolOf, type Db } from './db/database';
import { migrateToLatest } from './db/migrations';
import { bundledMigrations } from './db/migrations-bundled';
import { seedReferenceData } from './org';
import { folderSender, smtpSender, startMailWorker, type WorkerHandle } from './mail';
import { seedDemoData } from './demo';
import { startPeriodicJobs, type JobsHandle, type PeriodicJob } from './jobs';
import { purgeExpired } from './retention';
import type { ModuleManifest } from './modules';
import { startEventDelivery, type EventDeliveryHandle, type EventHandler } from './events';
import { validateSettings, type SettingsSchema } from './settings';
import { coreSettingsSchema } from './core.settings';
import { brandSettingsSchema } from './brand';
import { useRateLimitStore } from './rate-limit';

export interface Runtime<D extends Db = Db> {
	db: D;
	config: AppConfig;
	mailWorker: WorkerHandle | null;
	jobs: JobsHandle | null;
	events: EventDeliveryHandle | null;
}

/** Core's own periodic jobs. */
export function coreJobs(): PeriodicJob[] {
	return [
		// Purge sent/failed mail after OUTBOX_RETENTION_DAYS, and expired sessions, one-time links
		// and throttle rows. Hourly: each run is a few indexed deletes.
		{
			name: 'core.retention',
			intervalMs: 60 * 60_000,
			run: (db) => purgeExpired(db, { outboxRetentionDays: config().outboxRetentionDays })
		}
	];
}

/** Every periodic job: core's, then each manifest's (turn all off with BACKGROUND_JOBS=0). */
export function allJobs<D extends Db>(modules: readonly ModuleManifest<D>[]): PeriodicJob<D>[] {
	return [...(coreJobs() as PeriodicJob<D>[]), ...modules.flatMap((m) => m.jobs?.() ?? [])];
}

/** Core's settings schemas and each manifest's: validated together at start, listed in the README. */
export function allSettings<D extends Db>(modules: readonly ModuleManifest<D>[]): SettingsSchema[] {
	return [
		coreSettingsSchema,
		brandSettingsSchema,
		...modules.flatMap((m) => (m.settings ? [m.settings] : []))
	];
}

/** `D`: the full handle the root names (every module's tables); core uses it as its own. */
export async function startRuntime<D extends Db>(
	modules: readonly ModuleManifest<D>[]
): Promise<Runtime<D>> {
	// Every module's settings first: a wrong value stops the start before anything is opened.
	validateSettings(allSettings(modules));
	const cfg = config();
	// Kysely's table type is compile-time only: the one handle serves core and every module, and
	// the root says which tables it has (a generic `Kysely<T>` does not narrow to core's itself).
	const db = (await createDatabase({
		databaseUrl: cfg.databaseUrl,
		pgliteDataDir: cfg.pgliteDataDir
	})) as D;
	await migrateToLatest(db, bundledMigrations);
	// PostgreSQL: one budget for every process on the database; PGlite: one process, memory.
	const pool = pgPoolOf(db);
	useRateLimitStore(pool ? { kind: 'postgres', pool } : { kind: 'memory' });
	await seedReferenceData(db);
	if (cfg.demoData)
		await seedDemoData(
			db,
			modules.flatMap((m) => (m.seedDemo ? [m.seedDemo] : []))
		);
	const sender = cfg.smtpUrl ? smtpSender(cfg.smtpUrl) : folderSender(cfg.mailDir);
	const mailWorker = cfg.mailWorker ? startMailWorker(db, sender, cfg.mailFrom) : null;
	// Event delivery runs where the mail outbox is sent (MAIL_WORKER): both are outbox workers.
	const handlers = modules.flatMap((m) => m.events?.handlers ?? []) as EventHandler[];
	const events = cfg.mailWorker ? startEventDelivery(db, handlers) : null;
	const jobs = cfg.backgroundJobs ? startPeriodicJobs(db, allJobs(modules)) : null;
	return { db, config: cfg, mailWorker, jobs, events };
}

/** Graceful stop: finish the mail and event batches in flight, then close the database cleanly. */
export async function stopRuntime(rt: Runtime): Promise<void> {
	await rt.jobs?.stop();
	await rt.mailWorker?.stop();
	await rt.events?.stop();
	await rt.db.destroy();
}
