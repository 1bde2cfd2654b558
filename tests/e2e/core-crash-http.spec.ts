/**
 * Durability through the real stack: the built server on its own port and embedded data folder
 * (demo data) takes batched votes and feedback over HTTP from concurrent clients, is killed with
 * SIGKILL mid-stream and started again on the same folder; every vote and response that got a
 * 2xx must then be in the database (read with a fresh PGlite open of the folder after a clean
 * stop). The Playwright web server is not used: this test owns its server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { freePort } from '../helpers/free-port';

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			DEMO_DATA: '1',
			SMTP_URL: '',
			// Only intake is measured here: no map recomputation, no rate limits in the way.
			CONVERSATIONS_MAP_WORKER: '0',
			CONVERSATIONS_VOTE_BURST: '1000000',
			CONVERSATIONS_VOTE_RATE: '1000000',
			FEEDBACK_RATE_CAPACITY: '1000000',
			FEEDBACK_RATE_PER_SECOND: '1000000'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`http://127.0.0.1:${port}/conversations`)).ok) return child;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGKILL');
	throw new Error('server did not start');
}

let lastError = '';
async function post(url: string, body: unknown): Promise<number> {
	try {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		await res.arrayBuffer();
		return res.status;
	} catch (e) {
		lastError = String((e as Error).cause ?? e);
		return 0; // connection refused or cut by the kill: not acknowledged
	}
}

test('every acknowledged vote and feedback response survives a SIGKILL of the server', async () => {
	test.setTimeout(150_000);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-crash-http-'));
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let server: ChildProcess | null = await startServer(port, dir);
	try {
		const list = await (await fetch(`${base}/conversations`)).text();
		const conversation = /href="\/conversations\/([0-9a-f-]{36})"/.exec(list)?.[1];
		expect(conversation, 'a demo conversation').toBeTruthy();

		const ackedVotes: string[] = [];
		const ackedResponses: string[] = [];
		const statuses: Record<string, number> = {};
		let stop = false;
		const voter = async (w: number) => {
			for (let n = 0; !stop; n++) {
				// One participant per request (anonymous), five votes on the first statements (all or none).
				const votes = Array.from({ length: 5 }, (_, tid) => ({
					tid,
					vote: ((n + tid) % 3) - 1,
					clientId: `crash-v-${w}-${n}-${tid}`
				}));
				// No cookie: each request is a new anonymous participant of the open conversation.
				const s = await post(`${base}/api/conversations/${conversation}/votes`, { votes });
				statuses[`vote ${s}`] = (statuses[`vote ${s}`] ?? 0) + 1;
				if (s >= 200 && s < 300) ackedVotes.push(...votes.map((v) => v.clientId));
				else if (s === 0) return;
			}
		};
		const responder = async (w: number) => {
			for (let n = 0; !stop; n++) {
				const responses = Array.from({ length: 10 }, (_, k) => ({
					clientId: `crash-r-${w}-${n}-${k}`,
					unit: 'tk-hervanta',
					channel: 'kiosk',
					answers: { nps: (n + k) % 11 }
				}));
				const s = await post(`${base}/api/feedback/responses`, { responses });
				statuses[`feedback ${s}`] = (statuses[`feedback ${s}`] ?? 0) + 1;
				if (s >= 200 && s < 300) ackedResponses.push(...responses.map((r) => r.clientId));
				else if (s === 0) return;
			}
		};
		const clients = [
			...Array.from({ length: 4 }, (_, w) => voter(w)),
			...Array.from({ length: 2 }, (_, w) => responder(w))
		];
		// Kill mid-stream, once both kinds of write are flowing.
		const deadline = Date.now() + 20_000;
		while ((ackedVotes.length < 100 || ackedResponses.length < 50) && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 20));
		const exited = new Promise((r) => server!.once('exit', r));
		server.kill('SIGKILL');
		await exited;
		server = null;
		stop = true;
		await Promise.all(clients);
		expect(ackedVotes.length, JSON.stringify(statuses)).toBeGreaterThanOrEqual(100);
		expect(ackedResponses.length, JSON.stringify(statuses)).toBeGreaterThanOrEqual(50);

		// The same folder starts again (recovery, migrations, no second demo seeding)…
		server = await startServer(port, dir);
		// A client retries a request whose connection broke (a pooled socket from before the kill
		// can be handed out once); the client id makes the retry safe.
		let again = 0;
		for (let i = 0; i < 3 && again === 0; i++)
			again = await post(`${base}/api/feedback/responses`, {
				responses: [
					{
						clientId: 'crash-after-restart',
						unit: 'tk-hervanta',
						channel: 'kiosk',
						answers: { nps: 10 }
					}
				]
			});
		expect(again, lastError).toBe(201);
		const stopped = new Promise((r) => server!.once('exit', r));
		server.kill('SIGTERM');
		await stopped;
		server = null;

		// …and holds everything that was acknowledged.
		const db = await PGlite.create(path.join(dir, 'pglite'), { extensions: { pg_trgm } });
		try {
			const votes = await db.query<{ client_id: string }>(
				`select client_id from conversation_vote_history where client_id like 'crash-v-%'`
			);
			const responses = await db.query<{ client_id: string }>(
				`select client_id from feedback_response where client_id like 'crash-%'`
			);
			const storedVotes = new Set(votes.rows.map((r) => r.client_id));
			const storedResponses = new Set(responses.rows.map((r) => r.client_id));
			expect(ackedVotes.filter((c) => !storedVotes.has(c))).toEqual([]);
			expect(ackedResponses.filter((c) => !storedResponses.has(c))).toEqual([]);
			expect(storedResponses.has('crash-after-restart')).toBe(true);
		} finally {
			await db.close();
		}
	} finally {
		server?.kill('SIGKILL');
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
