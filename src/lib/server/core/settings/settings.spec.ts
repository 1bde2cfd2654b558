import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSettings, SettingsError, settingsReader, validateSettings } from './settings';
import { flagSetting, numberSetting, textSetting, urlSetting } from './values';
import { coreSettingsSchema } from '../core.settings';
import { loadConfig } from '../config';

const demo = z.object({
	DEMO_COUNT: numberSetting(5, { int: true, min: 1 }),
	DEMO_RATE: numberSetting(1.5, { above: 0 }),
	DEMO_ON: flagSetting(true),
	DEMO_NAME: textSetting('x')
});

function refusal(fn: () => unknown): SettingsError {
	try {
		fn();
	} catch (e) {
		if (e instanceof SettingsError) return e;
		throw e;
	}
	throw new Error('no SettingsError');
}

describe('setting values', () => {
	it('uses defaults for unset and empty variables', () => {
		expect(parseSettings(demo, {})).toEqual({
			DEMO_COUNT: 5,
			DEMO_RATE: 1.5,
			DEMO_ON: true,
			DEMO_NAME: 'x'
		});
		expect(parseSettings(demo, { DEMO_COUNT: '', DEMO_ON: '' }).DEMO_COUNT).toBe(5);
	});

	it('reads numbers and flags from strings', () => {
		const s = parseSettings(demo, { DEMO_COUNT: '12', DEMO_RATE: '0.25', DEMO_ON: 'Off' });
		expect(s).toMatchObject({ DEMO_COUNT: 12, DEMO_RATE: 0.25, DEMO_ON: false });
		expect(parseSettings(demo, { DEMO_ON: 'YES' }).DEMO_ON).toBe(true);
	});

	it.each([
		['DEMO_COUNT', 'abc', 'must be a whole number'],
		['DEMO_COUNT', ' ', 'must be a whole number'],
		['DEMO_COUNT', '2.5', 'must be a whole number'],
		['DEMO_COUNT', '0', 'of 1 or more'],
		['DEMO_RATE', '0', 'above 0'],
		['DEMO_RATE', '-1', 'above 0'],
		['DEMO_RATE', 'NaN', 'must be a number'],
		['DEMO_ON', 'maybe', 'must be one of 1, true, yes, on, 0, false, no, off']
	])('refuses %s=%j, naming the variable', (name, value, message) => {
		const e = refusal(() => parseSettings(demo, { [name]: value }));
		expect(e.problems).toEqual([{ variable: name, message: expect.stringContaining(message) }]);
		expect(e.message).toContain(`${name}: `);
	});

	it('never repeats a refused URL, which may hold a password', () => {
		const s = z.object({ DB_URL: urlSetting(['postgres:']) });
		const e = refusal(() => parseSettings(s, { DB_URL: 'mysql://u:secret@h/db' }));
		expect(e.message).toContain('DB_URL: must be a URL starting with postgres://');
		expect(e.message).not.toContain('secret');
		expect(parseSettings(s, { DB_URL: 'postgres://u:p@h/db' }).DB_URL).toBe('postgres://u:p@h/db');
	});
});

describe('validateSettings', () => {
	const pool = z.object({ POOL_A_DAYS: numberSetting(1), POOL_B: flagSetting(false) });

	it('lists every problem of every schema in one error', () => {
		const e = refusal(() =>
			validateSettings([coreSettingsSchema, pool], { SESSION_DAYS: 'abc', POOL_A_DAYS: 'x' })
		);
		expect(e.problems.map((p) => p.variable)).toEqual(['SESSION_DAYS', 'POOL_A_DAYS']);
	});

	it("refuses an unknown name under a module's prefix, suggesting the meant one", () => {
		const e = refusal(() => validateSettings([coreSettingsSchema, pool], { POOL_A_DAY: '3' }));
		expect(e.problems).toEqual([
			{ variable: 'POOL_A_DAY', message: 'unknown setting (did you mean POOL_A_DAYS?)' }
		]);
		// Core's names share no prefix, so unrelated variables (PATH, HOME, CI …) pass.
		expect(() =>
			validateSettings([coreSettingsSchema, pool], { PATH: '/bin', SESSIONS: 'x' })
		).not.toThrow();
	});
});

describe('core settings', () => {
	it.each([
		['SESSION_DAYS', 'abc'],
		['SESSION_DAYS', '0'],
		['OUTBOX_RETENTION_DAYS', '-1'],
		['HSTS_MAX_AGE', '1.5'],
		['PORT', 'eighty'],
		['MAIL_WORKER', 'sometimes'],
		['ORIGIN', 'localhost:3000'],
		['DATABASE_URL', 'localhost/osallistu'],
		['SMTP_URL', 'http://mail'],
		['BODY_SIZE_LIMIT', '16MB'],
		['XFF_DEPTH', '0'],
		['AUTH_RATE_PER_MINUTE', '-5']
	])('refuses %s=%j', (name, value) => {
		const e = refusal(() => loadConfig({ [name]: value }));
		expect(e.problems.map((p) => p.variable)).toEqual([name]);
	});

	it('works out the defaults that depend on other settings', () => {
		const c = loadConfig({ DATA_DIR: '/srv/osallistu', PORT: '8080' });
		expect(c).toMatchObject({
			pgliteDataDir: '/srv/osallistu/pglite',
			mailDir: '/srv/osallistu/mail',
			origin: 'http://localhost:8080',
			demoData: true,
			devMailPage: true,
			hstsMaxAge: 0
		});
		const pg = loadConfig({ DATABASE_URL: 'postgres://h/db', SMTP_URL: 'smtp://relay:25' });
		expect(pg).toMatchObject({ demoData: false, devMailPage: false });
		expect(loadConfig({ DEMO_DATA: 'on', DATABASE_URL: 'postgres://h/db' }).demoData).toBe(true);
	});
});

describe('settingsReader', () => {
	it('reads process.env again once a variable it reads has changed', () => {
		const read = settingsReader(demo);
		delete process.env.DEMO_COUNT;
		expect(read().DEMO_COUNT).toBe(5);
		process.env.DEMO_COUNT = '9';
		try {
			expect(read().DEMO_COUNT).toBe(9);
			expect(read()).toBe(read());
		} finally {
			delete process.env.DEMO_COUNT;
		}
	});
});
