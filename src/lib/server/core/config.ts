/**
 * The runtime's configuration, worked out from core's settings (`core.settings.ts`, the one place
 * that names the environment variables; documented in README.md). Read lazily so tests can set
 * process.env before first use.
 */
import path from 'node:path';
import { coreSettings } from './core.settings';

export interface AppConfig {
	/** PostgreSQL connection string; when empty the embedded PGlite database is used. */
	databaseUrl: string | undefined;
	/** Folder of the embedded PGlite database. `memory://` keeps it in memory. */
	pgliteDataDir: string;
	/** Fill an empty database with demo data on start. */
	demoData: boolean;
	/** Public origin of the portal, used in links in e-mails. */
	origin: string;
	/** `smtp://user:pass@host:port`; when empty, mail is written to `mailDir`. */
	smtpUrl: string | undefined;
	mailFrom: string;
	mailDir: string;
	/** Show the captured-mail page at /dev/mail (never when SMTP is configured). */
	devMailPage: boolean;
	/** Run the outbox worker inside the web process. */
	mailWorker: boolean;
	/** Run the modules' periodic jobs (retention, reminders, map recomputes) in this process. */
	backgroundJobs: boolean;
	sessionDays: number;
	/** Days sent and failed mail (recipient and body) stay in the outbox before the purge. */
	outboxRetentionDays: number;
	/** `Strict-Transport-Security` max-age in seconds; 0 = no header. */
	hstsMaxAge: number;
}

/** Throws a SettingsError naming the variable when a value is wrong. */
export function loadConfig(env?: NodeJS.ProcessEnv): AppConfig {
	const s = coreSettings(env);
	const dataRoot = path.resolve(s.DATA_DIR);
	const origin = s.ORIGIN ?? `http://localhost:${s.PORT}`;
	return {
		databaseUrl: s.DATABASE_URL,
		pgliteDataDir: s.PGLITE_DATA_DIR ?? path.join(dataRoot, 'pglite'),
		demoData: s.DEMO_DATA ?? !s.DATABASE_URL,
		origin,
		smtpUrl: s.SMTP_URL,
		mailFrom: s.MAIL_FROM,
		mailDir: s.MAIL_DIR ?? path.join(dataRoot, 'mail'),
		// Only in the embedded demo mode by default: the page shows sign-in links to anyone.
		devMailPage: !s.SMTP_URL && (s.DEV_MAIL_PAGE ?? !s.DATABASE_URL),
		mailWorker: s.MAIL_WORKER,
		backgroundJobs: s.BACKGROUND_JOBS,
		sessionDays: s.SESSION_DAYS,
		outboxRetentionDays: s.OUTBOX_RETENTION_DAYS,
		// On by default only when the public origin is https: over plain http the header is
		// ignored by browsers anyway, and a local demo must stay reachable without TLS.
		hstsMaxAge: s.HSTS_MAX_AGE ?? (origin.startsWith('https://') ? 31_536_000 : 0)
	};
}

let cached: AppConfig | undefined;
export function config(): AppConfig {
	cached ??= loadConfig();
	return cached;
}
