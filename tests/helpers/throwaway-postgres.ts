/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1 for tests (initdb + pg_ctl, as user
 * `postgres` when running as root, which initdb refuses). Used when TEST_DATABASE_URL is unset.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

function findBin(name: string): string | null {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
	}
	const root = '/usr/lib/postgresql';
	if (fs.existsSync(root)) {
		for (const v of fs.readdirSync(root).sort().reverse()) {
			const p = path.join(root, v, 'bin', name);
			if (fs.existsSync(p)) return p;
		}
	}
	return null;
}

export interface ThrowawayPostgres {
	url: string;
	stop(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | null> {
	const initdb = findBin('initdb');
	const pgCtl = findBin('pg_ctl');
	if (!initdb || !pgCtl) return null;
	const asRoot = process.getuid?.() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-pg-'));
	const data = path.join(dir, 'data');
	const port = await freePort();
	const run = (bin: string, args: string[]) => {
		const cmd = asRoot ? 'runuser' : bin;
		const full = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
		execFileSync(cmd, full, { stdio: 'pipe' });
	};
	if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
	run(initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
	run(pgCtl, [
		'-D',
		data,
		'-l',
		path.join(dir, 'log'),
		'-w',
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			try {
				run(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
