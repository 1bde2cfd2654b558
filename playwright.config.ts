import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_DATA_DIR = '.e2e-data';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
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
	webServer: {
		// A fresh embedded database with demo data, mail captured in a folder the tests read.
		command: `rm -rf ${E2E_DATA_DIR} && node build`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATA_DIR: E2E_DATA_DIR,
			DEMO_DATA: '1',
			DATABASE_URL: '',
			SMTP_URL: '',
			// CSV imports of up to 10 MB go through forms.
			BODY_SIZE_LIMIT: '16M',
			// Every end-to-end test signs in from 127.0.0.1: the per-IP budgets are tested in unit tests.
			AUTH_RATE_PER_MINUTE: '10000'
		}
	}
});
