/**
 * Core's environment variables (the README's "Configuration" table lists the same names; a test
 * compares them). Some are read by adapter-node itself (PORT, HOST, BODY_SIZE_LIMIT,
 * ADDRESS_HEADER, XFF_DEPTH): they are checked here too, so a wrong one names itself at start.
 * `config.ts` turns these values into the runtime's AppConfig.
 */
import { z } from 'zod';
import {
	flagSetting,
	numberSetting,
	optionalFlagSetting,
	optionalNumberSetting,
	optionalTextSetting,
	settingsReader,
	textSetting,
	urlSetting
} from './settings';

export const coreSettingsSchema = z.object({
	DATABASE_URL: urlSetting(['postgres:', 'postgresql:']),
	DATA_DIR: textSetting('./data'),
	PGLITE_DATA_DIR: optionalTextSetting(),
	DEMO_DATA: optionalFlagSetting(),
	ORIGIN: urlSetting(['http:', 'https:']),
	PORT: numberSetting(3000, { int: true, min: 0 }),
	HOST: textSetting('0.0.0.0'),
	BODY_SIZE_LIMIT: optionalTextSetting().refine(
		(v) => v === undefined || /^(\d+[KMG]?|Infinity)$/i.test(v),
		{ error: 'must be a size such as 512K, 16M or 1G' }
	),
	SMTP_URL: urlSetting(['smtp:', 'smtps:']),
	MAIL_FROM: textSetting('Osallistu <osallistu@localhost>'),
	MAIL_DIR: optionalTextSetting(),
	DEV_MAIL_PAGE: optionalFlagSetting(),
	MAIL_WORKER: flagSetting(true),
	BACKGROUND_JOBS: flagSetting(true),
	SESSION_DAYS: numberSetting(30, { above: 0 }),
	OUTBOX_RETENTION_DAYS: numberSetting(30, { min: 0 }),
	HSTS_MAX_AGE: optionalNumberSetting({ int: true, min: 0 }),
	ADDRESS_HEADER: optionalTextSetting(),
	XFF_DEPTH: optionalNumberSetting({ int: true, min: 1 }),
	AUTH_RATE_PER_MINUTE: numberSetting(10, { above: 0 }),
	// Read by scripts/start-cluster.js before any process starts; checked here too, so every
	// process names a wrong value the same way.
	WEB_CONCURRENCY: optionalNumberSetting({ int: true, min: 1 })
});

export type CoreSettings = z.output<typeof coreSettingsSchema>;

/** Core's settings from process.env (or `env`); throws a SettingsError on a wrong value. */
export const coreSettings = settingsReader(coreSettingsSchema);
