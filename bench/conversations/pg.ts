/**
 * A throwaway PostgreSQL cluster for the benchmark with the server's DURABLE defaults
 * (fsync on, synchronous_commit on): unlike the test helper, which turns fsync off for speed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findBin(name: string): string {
	const root = '/usr/lib/postgresql';
	for (const v of fs.readdirSync(root).sort().reverse()) {
		const p = path.join(root, v, 'bin', name);
		if (fs.existsSync(p)) return p;
	}
	throw new Error(`${name} not found`);
}

export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as net.AddressInfo).port;
			srv.close(() => resolve(port));
		});
	});
}

export async function startPostgres(): Promise<{ url: string; pid: number; stop(): void }> {
	const asRoot = process.getuid?.() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-bench-pg-'));
	const data = path.join(dir, 'data');
	const port = await freePort();
	const run = (bin: string, args: string[]) =>
		execFileSync(asRoot ? 'runuser' : bin, asRoot ? ['-u', 'postgres', '--', bin, ...args] : args, {
			stdio: 'pipe'
		});
	if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
	run(findBin('initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8']);
	run(findBin('pg_ctl'), [
		'-D',
		data,
		'-l',
		path.join(dir, 'log'),
		'-w',
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200` +
			// Per-statement times for --statements (an extension shipped with PostgreSQL itself).
			' -c shared_preload_libraries=pg_stat_statements',
		'start'
	]);
	const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		pid,
		stop() {
			try {
				run(findBin('pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

/**
 * CPU seconds (user + system) used so far by the processes `pick` selects, from /proc (Linux):
 * unlike requests per second, CPU time per request hardly depends on what else the machine runs.
 * Processes that exited are not counted, so read it while they live.
 */
export function cpuSeconds(
	pick: (p: { pid: number; ppid: number; pgid: number }) => boolean
): number {
	const hz = 100; // USER_HZ, 100 on every Linux this runs on
	let ticks = 0;
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue; // gone meanwhile
		}
		// Fields after the command name (which may hold spaces) in parentheses: state is 3rd.
		const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const proc = { pid: Number(name), ppid: Number(f[1]), pgid: Number(f[2]) };
		if (pick(proc)) ticks += Number(f[11]) + Number(f[12]);
	}
	return ticks / hz;
}
