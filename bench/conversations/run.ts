/**
 * Vote-intake benchmark: the built server (`npm run build` first) on a fresh PostgreSQL with
 * durable settings, a load generator on loopback, and a crash test.
 *
 *   npx tsx bench/conversations/run.ts [--seconds 10] [--concurrency 64] [--batch 1]
 *     [--single] [--cluster 2] [--hello] [--no-crash]
 *
 * --single: the ordinary web client: one vote per request, each participant anonymous with its
 *   own cookie and its own client address (X-Forwarded-For, ADDRESS_HEADER set on the server),
 *   so the per-address rate limit does its real work (one shared counter per address).
 * --cluster N: the server as N processes on one port (scripts/start-cluster.js, WEB_CONCURRENCY).
 * --hello: first, a bare node:http server in this process, driven by the same load client, for
 *   the ratio of the portal's requests/s to the most this client and machine can do.
 *
 * 1. Sustained load: `concurrency` keep-alive connections POST to /api/conversations/:id/votes
 *    for `seconds`; each request carries `batch` votes of one participant. Prints votes/s and
 *    request latency percentiles.
 * 2. Crash: the same load, the server is killed with SIGKILL mid-burst; every vote that got a
 *    200 must be in the database afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { cpuSeconds, freePort, startPostgres } from './pg';
// The one deep import the boundary rule allows: the bench runs in plain Node (tsx), and the
// module's index reaches superforms, whose server entry needs SvelteKit's `$app`.
// eslint-disable-next-line import-x/no-restricted-paths
import { signXid } from '../../src/lib/server/conversations/xid';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 64);
const SINGLE = process.argv.includes('--single');
const BATCH = SINGLE ? 1 : arg('batch', 1);
const SEPARATE_WORKER = process.argv.includes('--separate-map-worker');
const CLUSTER = arg('cluster', 0);
const HELLO = process.argv.includes('--hello');
const CRASH = !process.argv.includes('--no-crash');
/** --build DIR: another built server (e.g. the main branch's) for an A/B run on one process. */
const BUILD = process.argv.includes('--build')
	? process.argv[process.argv.indexOf('--build') + 1]
	: 'build';
/** --profile DIR: the server's processes write V8 CPU profiles there (a clean stop after the run). */
const PROFILE = process.argv.includes('--profile')
	? process.argv[process.argv.indexOf('--profile') + 1]
	: null;
/** --statements: after the run, the statements that took PostgreSQL's time (pg_stat_statements). */
const STATEMENTS_REPORT = process.argv.includes('--statements');
const load1 = () => os.loadavg()[0].toFixed(2);
const PARTICIPANTS = 5000;
const STATEMENTS = 60;

async function startServer(url: string, port: number): Promise<ChildProcess> {
	const args = CLUSTER ? ['scripts/start-cluster.js'] : [BUILD];
	// A cluster's workers inherit the primary's flags (cluster.fork uses process.execArgv).
	const flags = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [];
	const child = spawn('node', [...flags, ...args], {
		// Its own process group, so the crash test can SIGKILL a cluster's primary and workers at once.
		detached: true,
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: url,
			DEMO_DATA: '0',
			MAIL_WORKER: '0',
			CONVERSATIONS_MAP_WORKER: SEPARATE_WORKER ? '0' : '1',
			CONVERSATIONS_VOTE_BURST: '1000000000',
			CONVERSATIONS_VOTE_RATE: '1000000000',
			WEB_CONCURRENCY: String(CLUSTER || 1),
			// --single: every simulated participant has its own address, as behind a real proxy.
			...(SINGLE ? { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } : {})
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			const r = await fetch(`http://127.0.0.1:${port}/conversations`);
			if (r.ok) return child;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not start');
}

/** Simulated participants come through signed XID links, as an integrating system would send them. */
async function createConversation(client: pg.Client): Promise<{ id: string; sigs: string[] }> {
	const c = await client.query(
		`insert into conversation (topic, allow_xid) values ('bench', true) returning id, xid_secret`
	);
	const id = c.rows[0].id as string;
	const secret = c.rows[0].xid_secret as string;
	const sigs = Array.from({ length: PARTICIPANTS }, (_, p) => signXid(secret, id, `p${p}`));
	for (let t = 0; t < STATEMENTS; t++) {
		await client.query(
			`insert into conversation_statement (conversation_id, tid, body, status) values ($1, $2, $3, 'accepted')`,
			[id, t, `Väite ${t}`]
		);
	}
	return { id, sigs };
}

interface LoadResult {
	latencies: number[];
	acked: string[];
	errors: number;
	statuses: Record<number, number>;
	votes: number;
	ms: number;
}

function load(
	port: number,
	{ id, sigs }: { id: string; sigs: string[] },
	seconds: number,
	tag: string,
	stopEarly?: () => boolean
) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	const res: LoadResult = { latencies: [], acked: [], errors: 0, statuses: {}, votes: 0, ms: 0 };
	let seq = 0;
	const until = Date.now() + seconds * 1000;
	const post = (body: string, p: number) =>
		new Promise<number>((resolve) => {
			const headers: http.OutgoingHttpHeaders = {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body)
			};
			if (SINGLE) {
				// The anonymous participant's cookie and address (a documentation range, never dialled).
				headers.cookie = `osallistu_conv=bench-participant-${String(p).padStart(8, '0')}`;
				headers['x-forwarded-for'] = `198.18.${(p >> 8) & 255}.${p & 255}`;
			}
			const req = http.request(
				{
					host: '127.0.0.1',
					port,
					method: 'POST',
					path: `/api/conversations/${id}/votes`,
					agent,
					headers
				},
				(r) => {
					r.resume();
					r.on('end', () => resolve(r.statusCode ?? 0));
				}
			);
			req.on('error', () => resolve(0));
			req.end(body);
		});
	const worker = async (w: number) => {
		while (Date.now() < until && !stopEarly?.()) {
			const n = seq++;
			const p = (n * 7919 + w) % PARTICIPANTS;
			const votes = Array.from({ length: BATCH }, (_, k) => ({
				tid: (n * BATCH + k) % STATEMENTS,
				vote: ((n + k) % 3) - 1,
				clientId: `${tag}-${n}-${k}-v`
			}));
			const who = SINGLE ? {} : { xid: `p${p}`, xsig: sigs[p] };
			const body = JSON.stringify(BATCH === 1 ? { ...who, ...votes[0] } : { ...who, votes });
			const t0 = performance.now();
			const status = await post(body, p);
			const dt = performance.now() - t0;
			if (status === 200) {
				res.latencies.push(dt);
				res.votes += BATCH;
				for (const v of votes) res.acked.push(v.clientId);
			} else {
				res.errors++;
				res.statuses[status] = (res.statuses[status] ?? 0) + 1;
			}
		}
	};
	const t0 = Date.now();
	return Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w))).then(() => {
		res.ms = Date.now() - t0;
		agent.destroy();
		return res;
	});
}

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** A bare node:http server in this process: the ceiling of this load client on this machine. */
async function hello(): Promise<void> {
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true,"stored":1,"duplicates":0}');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as import('node:net').AddressInfo).port;
	const conv = { id: '00000000-0000-0000-0000-000000000000', sigs: [] };
	await load(port, conv, 1, 'hello-warm');
	const r = await load(port, conv, SECONDS, 'hello');
	server.close();
	helloRps = (r.latencies.length / r.ms) * 1000;
	console.log(
		`bare node:http hello (same process as the load client), ${CONCURRENCY} connections, ` +
			`${SECONDS} s: ${Math.round(helloRps)} requests/s, p50 ${pct(r.latencies, 50).toFixed(1)} ms, ` +
			`p99 ${pct(r.latencies, 99).toFixed(1)} ms (load average ${load1()})`
	);
}
let helloRps = 0;

async function main() {
	console.log(
		`vote bench: ${SINGLE ? 'single votes as the web client (anonymous, own address)' : `${BATCH} vote(s)/request by XID`}, ` +
			`${CLUSTER ? `${CLUSTER} processes (start:cluster)` : '1 process'}; load average ${os
				.loadavg()
				.map((x) => x.toFixed(2))
				.join(' ')}`
	);
	if (HELLO) await hello();
	const db = await startPostgres();
	const client = new pg.Client({ connectionString: db.url });
	let server: ChildProcess | null = null;
	try {
		const port = await freePort();
		server = await startServer(db.url, port);
		const mapWorker = SEPARATE_WORKER
			? spawn('node', ['--import', 'tsx', 'src/lib/server/conversations/map-worker-cli.ts'], {
					env: { ...process.env, DATABASE_URL: db.url },
					stdio: ['ignore', 'ignore', 'inherit']
				})
			: null;
		await client.connect();
		const conv = await createConversation(client);
		const id = conv.id;

		await load(port, conv, 2, 'warm'); // warm-up: participants created, JIT warm
		// WAL flushes and bytes per vote do not depend on how busy the machine is (pg_stat_wal).
		const wal = () =>
			client
				.query(`select wal_sync::bigint as syncs, wal_bytes::bigint as bytes from pg_stat_wal`)
				.then((q) => ({ syncs: Number(q.rows[0].syncs), bytes: Number(q.rows[0].bytes) }));
		const cpu = () => ({
			app: cpuSeconds((p) => p.pgid === server!.pid),
			pg: cpuSeconds((p) => p.pid === db.pid || p.ppid === db.pid)
		});
		if (STATEMENTS_REPORT) {
			await client.query(`create extension if not exists pg_stat_statements`);
			await client.query(`select pg_stat_statements_reset()`);
		}
		const wal0 = await wal();
		const cpu0 = cpu();
		const r = await load(port, conv, SECONDS, 'run');
		const wal1 = await wal();
		const cpu1 = cpu();
		console.log(
			`sustained: ${CONCURRENCY} connections, ${BATCH} vote(s)/request, ${SECONDS} s: ` +
				`${Math.round((r.votes / r.ms) * 1000)} votes/s, ${Math.round((r.latencies.length / r.ms) * 1000)} requests/s, ` +
				`p50 ${pct(r.latencies, 50).toFixed(1)} ms, p95 ${pct(r.latencies, 95).toFixed(1)} ms, ` +
				`p99 ${pct(r.latencies, 99).toFixed(1)} ms, errors ${r.errors} ${JSON.stringify(r.statuses)} ` +
				`(load average ${load1()})`
		);
		const perVote = (s: number) => ((s / r.votes) * 1e6).toFixed(0);
		console.log(
			`CPU per stored vote (user + system, less sensitive to other load than votes/s): ` +
				`app ${perVote(cpu1.app - cpu0.app)} µs, PostgreSQL ${perVote(cpu1.pg - cpu0.pg)} µs`
		);
		console.log(
			`PostgreSQL WAL per stored vote: ${((wal1.syncs - wal0.syncs) / r.votes).toFixed(3)} flushes, ` +
				`${Math.round((wal1.bytes - wal0.bytes) / r.votes)} bytes`
		);
		if (STATEMENTS_REPORT) {
			const top = await client.query(
				`select calls, round(total_exec_time)::int as ms, round(mean_exec_time::numeric, 3) as mean_ms,
				   rows, regexp_replace(left(query, 90), '\\s+', ' ', 'g') as q
				 from pg_stat_statements order by total_exec_time desc limit 8`
			);
			for (const s of top.rows)
				console.log(
					`  ${s.ms} ms in ${s.calls} calls (${s.mean_ms} ms each, ${s.rows} rows): ${s.q}`
				);
		}
		if (helloRps) {
			const rps = (r.latencies.length / r.ms) * 1000;
			console.log(`ratio to the bare node:http server: ${(rps / helloRps).toFixed(3)}`);
		}
		const stored = await client.query(
			`select count(*)::int as n from conversation_vote_history where client_id like 'run-%'`
		);
		console.log(
			`stored history rows for the run: ${stored.rows[0].n} (acknowledged ${r.acked.length})`
		);
		// Give the map worker one poll to catch up with the last votes, then show what it stored.
		await new Promise((res) => setTimeout(res, 8000));
		const map = await client.query(
			`select computed_at, jsonb_array_length(result->'participants') as n
			 from conversation_map where conversation_id = $1`,
			[id]
		);
		console.log(
			`opinion map (${SEPARATE_WORKER ? 'separate worker process' : 'in the web process'}): ` +
				(map.rows[0] ? `${map.rows[0].n} participants placed` : 'not computed')
		);
		if (mapWorker) {
			const exited = new Promise((res) => mapWorker.once('exit', res));
			mapWorker.kill('SIGTERM');
			await exited;
		}

		if (PROFILE) {
			// SIGTERM, not SIGKILL: V8 writes the profiles when the processes exit.
			const exited = new Promise((res) => server!.once('exit', res));
			process.kill(-server.pid!, 'SIGTERM');
			await exited;
			await new Promise((res) => setTimeout(res, 3000));
			server = null;
			console.log(`CPU profiles in ${PROFILE}`);
			return;
		}
		if (!CRASH) return;
		// Crash test: kill -9 the server (every process of a cluster) one second into a burst.
		let killed = false;
		const crash = load(port, conv, 5, 'crash', () => killed);
		await new Promise((res) => setTimeout(res, 1000));
		process.kill(-server.pid!, 'SIGKILL');
		killed = true;
		const c = await crash;
		server = null;
		const found = await client.query(
			`select count(*)::int as n from conversation_vote_history where client_id = any($1::text[])`,
			[c.acked]
		);
		const lost = c.acked.length - found.rows[0].n;
		console.log(
			`crash: server killed mid-burst; acknowledged ${c.acked.length}, found ${found.rows[0].n}, lost ${lost}, failed requests ${c.errors}`
		);
		if (lost !== 0) process.exitCode = 1;
	} finally {
		try {
			if (server?.pid) process.kill(-server.pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
		await client.end().catch(() => {});
		db.stop();
	}
}

void main();
