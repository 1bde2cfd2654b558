/**
 * The end-to-end web server on PostgreSQL: a fresh database on the TEST_DATABASE_URL server (or
 * on a throwaway cluster when it is unset), then the built app with demo data against it. Run by
 * Playwright as a webServer command; Playwright starts web servers before globalSetup, so the
 * database is made here. On SIGTERM/SIGINT the app stops, the database is dropped and a
 * throwaway cluster is stopped.
 *
 *   tsx tests/helpers/e2e-postgres-server.ts   (PORT, MAIL_DIR etc. come from the environment)
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

let throwaway: ThrowawayPostgres | null = null;
let serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
	throwaway = await startThrowawayPostgres();
	if (!throwaway) {
		console.error('e2e on PostgreSQL: set TEST_DATABASE_URL or install postgresql');
		process.exit(1);
	}
	serverUrl = throwaway.url;
}

const name = `e2e_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;

const app = spawn(process.execPath, ['build'], {
	env: { ...process.env, DATABASE_URL: url.toString(), DEMO_DATA: '1' },
	stdio: 'inherit'
});

let stopping = false;
async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	if (app.exitCode === null) {
		const exited = new Promise((r) => app.once('exit', r));
		app.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		app.kill('SIGKILL');
	}
	try {
		// E2E_KEEP_DB=1 keeps the database for a look after a failure (it names it on stderr).
		if (process.env.E2E_KEEP_DB) throw new Error(`kept ${name} (E2E_KEEP_DB)`);
		const c = new pg.Client({ connectionString: serverUrl });
		await c.connect();
		await c.query(`drop database if exists ${name} with (force)`);
		await c.end();
	} catch (e) {
		console.error('e2e on PostgreSQL: could not drop the database:', (e as Error).message);
	}
	throwaway?.stop();
	process.exit(code);
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
app.on('exit', (code) => void stop(code ?? 1));
