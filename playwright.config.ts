import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their suites side by side. The PostgreSQL run listens 100
// higher (E2E_PG_PORT to choose), clear of the neighbouring checkouts' E2E_PORTs.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? PORT + 100);
export const E2E_DATA_DIR = '.e2e-data';
export const E2E_PG_DATA_DIR = '.e2e-data-pg';

/** Server settings both runs share. */
const serverEnv = (port: number, dataDir: string) => ({
	PORT: String(port),
	ORIGIN: `http://localhost:${port}`,
	DATA_DIR: dataDir,
	DEMO_DATA: '1',
	SMTP_URL: '',
	// CSV imports of up to 10 MB go through forms.
	BODY_SIZE_LIMIT: '16M',
	// Every end-to-end test signs in from 127.0.0.1: the per-IP budgets are tested in unit tests.
	AUTH_RATE_PER_MINUTE: '10000'
});

/* The flows that cross the most of the database (accounts, feedback, conversations, pool) run a
   second time against PostgreSQL; the rest (route walks, accessibility, the crash test, which
   owns its server) only on the embedded database. */
const ON_POSTGRES = [
	'core-accounts.spec.ts',
	'feedback-cases-public.spec.ts',
	'feedback-channels.spec.ts',
	'conversations-flow.spec.ts',
	'pool-flow.spec.ts',
	'pool-join.spec.ts',
	// Owns its servers (two processes, then start:cluster) and database: runs once, here.
	'core-multi-process.spec.ts',
	'impact-flow.spec.ts',
	'experts-flow.spec.ts',
	'panels-flow.spec.ts',
	'councils-flow.spec.ts'
];

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]],
	projects: [
		{
			name: 'pglite',
			testIgnore: ['core-multi-process.spec.ts'],
			use: { baseURL: `http://localhost:${PORT}` },
			metadata: { dataDir: E2E_DATA_DIR }
		},
		{
			name: 'postgres',
			testMatch: ON_POSTGRES,
			use: { baseURL: `http://localhost:${PG_PORT}` },
			metadata: { dataDir: E2E_PG_DATA_DIR }
		}
	],
	use: {
		launchOptions: {
			// Debian's chromium: Playwright's own browser downloads do not work here.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		{
			// A fresh embedded database with demo data, mail captured in a folder the tests read.
			command: `rm -rf ${E2E_DATA_DIR} && node build`,
			url: `http://localhost:${PORT}/`,
			reuseExistingServer: false,
			timeout: 120_000,
			env: { ...serverEnv(PORT, E2E_DATA_DIR), DATABASE_URL: '' }
		},
		{
			// A fresh database on the test PostgreSQL server (TEST_DATABASE_URL or a throwaway
			// cluster), demo data and mail capture as above; the script drops it on SIGTERM.
			command: `rm -rf ${E2E_PG_DATA_DIR} && exec node --import tsx tests/helpers/e2e-postgres-server.ts`,
			url: `http://localhost:${PG_PORT}/`,
			reuseExistingServer: false,
			timeout: 180_000,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			env: {
				...serverEnv(PG_PORT, E2E_PG_DATA_DIR),
				// Demo mode's SMS token is only implied on the embedded database.
				FEEDBACK_SMS_TOKEN: 'demo-sms-token'
			}
		}
	]
});
