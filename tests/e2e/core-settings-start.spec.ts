/**
 * A wrong setting stops the built server at start with a message naming the variable, instead
 * of the server running with NaN. This test owns its servers (not the Playwright web server).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { freePort } from '../helpers/free-port';

async function startWith(env: Record<string, string>) {
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-settings-'));
	const child = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATA_DIR: dir,
			DATABASE_URL: '',
			DEMO_DATA: '0',
			SMTP_URL: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (b: Buffer) => (output += b.toString()));
	child.stderr.on('data', (b: Buffer) => (output += b.toString()));
	const code = await new Promise<number | null>((resolve) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			resolve(null);
		}, 60_000);
		child.once('exit', (c) => {
			clearTimeout(timer);
			resolve(c);
		});
	});
	fs.rmSync(dir, { recursive: true, force: true });
	return { code, output };
}

test.describe('settings at start', () => {
	test.describe.configure({ timeout: 90_000 });

	for (const [name, value, message] of [
		['SESSION_DAYS', 'abc', 'SESSION_DAYS: must be a number above 0'],
		['OUTBOX_RETENTION_DAYS', '-1', 'OUTBOX_RETENTION_DAYS: must be a number of 0 or more'],
		['FEEDBACK_REPLY_DAY', '3', 'FEEDBACK_REPLY_DAY: unknown setting (did you mean'],
		// A county colour too light for white text (WCAG AA) is refused, not shown.
		['BRAND_PRIMARY_COLOR', '#7a9cc6', 'BRAND_PRIMARY_COLOR: white text on #7a9cc6 has contrast']
	]) {
		test(`the built server exits on ${name}=${value}, naming it`, async () => {
			const { code, output } = await startWith({ [name]: value });
			expect(code, 'exited by itself (not killed after 60 s)').not.toBeNull();
			expect(code).not.toBe(0);
			expect(output).toContain(message);
		});
	}
});
