/**
 * Several processes on one PostgreSQL database, through the real built server (`build/`): two
 * `node build` processes on two ports share one database, as two app servers behind a load
 * balancer would. Shows that
 * - a rate limit holds across them: what both allow together is the budget, not twice it;
 * - each periodic job runs once: the first process runs the start-up jobs, the second (started
 *   within their interval) does not, and the 2-second map job keeps its cadence, not double it;
 * - the opinion map is computed in the built worker thread (its chunk is in build/);
 * - `start:cluster`'s launcher runs WEB_CONCURRENCY processes on one port and stops them cleanly;
 * - each event is handled once (see the marked hook below).
 * The test owns its servers and database; the Playwright web servers are not used.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, test } from './fixtures';
import { freePort } from '../helpers/free-port';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres';

const VOTE_BUDGET = 30;

let throwaway: ThrowawayPostgres | null = null;
let adminUrl = '';
let dbUrl = '';
let dbName = '';
let client: pg.Client;
const children: ChildProcess[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-multi-'));
let stderr = '';

function serverEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATA_DIR: dataDir,
		DATABASE_URL: dbUrl,
		SMTP_URL: '',
		// 30 votes per address in a window far longer than the test.
		CONVERSATIONS_VOTE_BURST: String(VOTE_BUDGET),
		CONVERSATIONS_VOTE_RATE: '0.001',
		...extra
	};
}

async function waitUp(child: ChildProcess, port: number): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`http://127.0.0.1:${port}/conversations`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not start');
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
	child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
	children.push(child);
	return child;
}

async function stop(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null) return child.exitCode;
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	child.kill('SIGTERM');
	const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
	const code = await exited;
	clearTimeout(t);
	return code;
}

async function runs(): Promise<Map<string, number>> {
	const r = await client.query<{ name: string; runs: number }>(
		'select name, runs::int as runs from job_lease'
	);
	return new Map(r.rows.map((x) => [x.name, x.runs]));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.beforeAll(async () => {
	let server = process.env.TEST_DATABASE_URL;
	if (!server) {
		throwaway = await startThrowawayPostgres();
		if (!throwaway)
			throw new Error('multi-process test: set TEST_DATABASE_URL or install postgresql');
		server = throwaway.url;
	}
	adminUrl = server;
	dbName = `multi_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${dbName}`);
	await admin.end();
	const u = new URL(adminUrl);
	u.pathname = `/${dbName}`;
	dbUrl = u.toString();
});

test.afterAll(async () => {
	await Promise.all(children.map(stop));
	await client?.end().catch(() => {});
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${dbName} with (force)`);
	await admin.end();
	throwaway?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

test('two processes on one database share rate limits, jobs, event delivery and the map thread', async () => {
	test.setTimeout(240_000);
	const [portA, portB] = [await freePort(), await freePort()];
	// A migrates and writes the demo data, as the first process of start:cluster does.
	const a = start(['build'], serverEnv(portA, { DEMO_DATA: '1' }));
	await waitUp(a, portA);
	client = new pg.Client({ connectionString: dbUrl });
	await client.connect();

	const startUpJobs = ['core.retention', 'pool.retention', 'feedback.case-deadlines'];
	await expect
		.poll(
			async () => {
				const r = await runs();
				return startUpJobs.map((j) => r.get(j) ?? 0);
			},
			{ timeout: 30_000 }
		)
		.toEqual([1, 1, 1]);

	const b = start(['build'], serverEnv(portB, { DEMO_DATA: '0' }));
	await waitUp(b, portB);
	// B tried every job at its start too; within their interval it ran none of them.
	await sleep(3000);
	const afterB = await runs();
	expect(startUpJobs.map((j) => afterB.get(j))).toEqual([1, 1, 1]);

	// The map job (every 2 s) keeps one cadence across both: about 4 runs in 8 s, not 8.
	const before = (await runs()).get('conversations.map') ?? 0;
	await sleep(8000);
	const mapRuns = ((await runs()).get('conversations.map') ?? 0) - before;
	expect(mapRuns).toBeGreaterThanOrEqual(1);
	expect(mapRuns).toBeLessThanOrEqual(5);

	// The demo conversation's map was computed by the built server's worker thread.
	const chunks = fs.readdirSync('build/server', { recursive: true }) as string[];
	expect(chunks.some((f) => /opinion-map\.thread.*\.js$/.test(f))).toBe(true);
	const maps = await client.query<{ n: number }>('select count(*)::int as n from conversation_map');
	expect(maps.rows[0].n).toBeGreaterThan(0);

	// Rate limit: one client address, votes alternately to A and B, one vote per request.
	const list = await (await fetch(`http://127.0.0.1:${portA}/conversations`)).text();
	const conversation = /href="\/conversations\/([0-9a-f-]{36})"/.exec(list)?.[1];
	expect(conversation, 'a demo conversation').toBeTruthy();
	const statuses: Record<string, number[]> = { A: [], B: [] };
	const vote = async (port: number, n: number) => {
		const res = await fetch(`http://127.0.0.1:${port}/api/conversations/${conversation}/votes`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'accept-language': 'fi' },
			body: JSON.stringify({ tid: 0, vote: 1, clientId: `multi-${n}-vote` })
		});
		const body = (await res.json()) as { message?: string };
		if (res.status === 429) expect(body.message).toContain('Liian monta pyyntöä');
		return res.status;
	};
	// Sequential halves first (A 20, then B 20: B must refuse after 10), then both at once.
	for (let n = 0; n < 20; n++) statuses.A.push(await vote(portA, n));
	for (let n = 20; n < 40; n++) statuses.B.push(await vote(portB, n));
	const burst = await Promise.all(
		Array.from({ length: 20 }, (_, k) => vote(k % 2 ? portB : portA, 40 + k))
	);
	const allowed = (xs: number[]) => xs.filter((s) => s === 200).length;
	expect(allowed(statuses.A)).toBe(20);
	expect(allowed(statuses.B)).toBe(VOTE_BUDGET - 20);
	expect(statuses.B.filter((s) => s === 429)).toHaveLength(40 - VOTE_BUDGET);
	expect(burst.every((s) => s === 429)).toBe(true);
	const stored = await client.query<{ n: number }>(
		`select count(*)::int as n from conversation_vote_history where client_id like 'multi-%'`
	);
	expect(stored.rows[0].n).toBe(VOTE_BUDGET);

	// Events: each event is handled once across the two processes. Both run the delivery loop
	// (MAIL_WORKER on); the events are written to the outbox as conversations' addFinding writes
	// them (a moderator's HTTP form is another test's subject), then both loops race for them.
	const EVENTS = 40;
	const conv = await client.query<{ id: string; topic: string }>(
		'select id, topic from conversation where id = $1',
		[conversation]
	);
	for (let i = 0; i < EVENTS; i++)
		await client.query(`insert into event_outbox (name, payload) values ($1, $2)`, [
			'conversations.finding_recorded',
			{
				findingId: 900_000 + i,
				conversationId: conv.rows[0].id,
				statementId: 0,
				body: `Multi-process finding ${i}`,
				note: '',
				agreeShare: 0.8,
				votes: 10,
				recordedOn: '2026-12-01',
				conversation: {
					topic: conv.rows[0].topic,
					description: '',
					startedOn: '2026-11-01',
					endedOn: null,
					participants: 10
				},
				participantUserIds: []
			}
		]);
	const pending = async () =>
		(
			await client.query<{ n: number }>(
				`select count(*)::int as n from event_outbox
				 where name = 'conversations.finding_recorded' and delivered_at is null`
			)
		).rows[0].n;
	await expect.poll(pending, { timeout: 30_000 }).toBe(0);
	const handled = await client.query<{ n: number; events: number }>(
		`select count(*)::int as n, count(distinct h.event_id)::int as events
		 from event_handled h join event_outbox e on e.id = h.event_id
		 where e.name = 'conversations.finding_recorded' and h.handler_id like 'impact.%'`
	);
	expect(handled.rows[0]).toEqual({ n: EVENTS, events: EVENTS });
	const findings = await client.query<{ n: number }>(
		`select count(*)::int as n from impact_finding
		 where source_type = 'conversation_finding' and source_id::int >= 900000`
	);
	expect(findings.rows[0].n).toBe(EVENTS);

	expect(stderr).not.toMatch(/opinion map|job .* failed|Error/);
});

test('start:cluster runs WEB_CONCURRENCY processes on one port and stops them', async () => {
	test.setTimeout(120_000);
	const port = await freePort();
	const primary = start(
		['scripts/start-cluster.js'],
		serverEnv(port, { WEB_CONCURRENCY: '2', DEMO_DATA: '0' })
	);
	await waitUp(primary, port);
	const childrenOf = (pid: number) =>
		fs
			.readdirSync('/proc')
			.filter((d) => /^\d+$/.test(d))
			.filter((d) => {
				try {
					// Field 4 of /proc/<pid>/stat is the parent's pid (after the "(name)" field).
					const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
					return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
				} catch {
					return false;
				}
			});
	await expect.poll(() => childrenOf(primary.pid!).length, { timeout: 60_000 }).toBe(2);
	for (let i = 0; i < 6; i++) {
		expect((await fetch(`http://127.0.0.1:${port}/conversations`)).status).toBe(200);
	}
	expect(await stop(primary)).toBe(0);
	expect(childrenOf(primary.pid!)).toHaveLength(0);
});
