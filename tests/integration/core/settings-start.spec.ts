/**
 * The runtime checks every module's settings before it opens the database: a wrong value makes
 * the start fail with the variable's name (the built server then exits: see
 * tests/e2e/core-settings-start.spec.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';

describe('runtime start', () => {
	afterEach(() => {
		delete process.env.SESSION_DAYS;
		delete process.env.FEEDBACK_REPLY_DAY;
	});

	it('refuses a wrong value and an unknown module setting, naming both', async () => {
		process.env.PGLITE_DATA_DIR = 'memory://';
		process.env.DATABASE_URL = '';
		process.env.SESSION_DAYS = 'abc';
		process.env.FEEDBACK_REPLY_DAY = '3';
		const { runtime } = await import('../../../src/lib/server/runtime');
		const start = runtime();
		await expect(start).rejects.toThrow(/SESSION_DAYS: must be a number/);
		await expect(start).rejects.toThrow(
			/FEEDBACK_REPLY_DAY: unknown setting \(did you mean FEEDBACK_REPLY_DAYS\?\)/
		);
	});
});
