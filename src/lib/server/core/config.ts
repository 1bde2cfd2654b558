/**
 * Every environment variable the portal reads, in one place (documented in README.md).
 * Read lazily so tests can set process.env before first use.
 */
import path from 'node:path';

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

function bool(v: string | undefined, fallback: boolean): boolean {
	if (v === undefined || v === '') return fallback;
	return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

/** A wrong setting stops the start with its name, rather than purging or caching at random. */
function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const v = env[name];
	if (v === undefined || v === '') return fallback;
	const n = Number(v);
	if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of 0 or more`);
	return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const dataRoot = env.DATA_DIR || path.resolve('data');
	const smtpUrl = env.SMTP_URL || undefined;
	const origin = env.ORIGIN || `http://localhost:${env.PORT || 3000}`;
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		pgliteDataDir: env.PGLITE_DATA_DIR || path.join(dataRoot, 'pglite'),
		demoData: bool(env.DEMO_DATA, !env.DATABASE_URL),
		origin,
		smtpUrl,
		mailFrom: env.MAIL_FROM || 'Osallistu <osallistu@localhost>',
		mailDir: env.MAIL_DIR || path.join(dataRoot, 'mail'),
		// Only in the embedded demo mode by default: the page shows sign-in links to anyone.
		devMailPage: !smtpUrl && bool(env.DEV_MAIL_PAGE, !env.DATABASE_URL),
		mailWorker: bool(env.MAIL_WORKER, true),
		backgroundJobs: bool(env.BACKGROUND_JOBS, true),
		sessionDays: Number(env.SESSION_DAYS || 30),
		outboxRetentionDays: nonNegative(env, 'OUTBOX_RETENTION_DAYS', 30),
		// On by default only when the public origin is https: over plain http the header is
		// ignored by browsers anyway, and a local demo must stay reachable without TLS.
		hstsMaxAge: nonNegative(env, 'HSTS_MAX_AGE', origin.startsWith('https://') ? 31_536_000 : 0)
	};
}

let cached: AppConfig | undefined;
export function config(): AppConfig {
	cached ??= loadConfig();
	return cached;
}
