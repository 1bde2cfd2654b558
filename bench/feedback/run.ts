/**
 * Feedback benchmarks on PostgreSQL, through the built server (`npm run build` first):
 *  1. intake: responses/s through POST /api/feedback/responses (single and batched), none lost;
 *  2. generate: BENCH_RESPONSES (default 5 000 000) realistic responses (bench/feedback/generate.ts)
 *     and the daily rollups rebuilt from them;
 *  3. reads: p50/p95 of the public NPS pages and a unit dashboard over HTTP.
 * Run: npx tsx bench/feedback/run.ts   (uses a throwaway PostgreSQL cluster, like the tests)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startThrowawayPostgres } from '../../tests/helpers/throwaway-postgres';
import type { DB } from '../../src/lib/server/db';
import { generateResponses } from './generate';

const PORT = Number(process.env.BENCH_PORT ?? 4192);
const BASE = `http://localhost:${PORT}`;
const TOTAL = Number(process.env.BENCH_RESPONSES ?? 5_000_000);
const INTAKE = Number(process.env.BENCH_INTAKE ?? 20_000);

function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function waitFor(url: string, ms = 120_000) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`server did not start: ${url}`);
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
	let i = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (i < items.length) await fn(items[i++]);
		})
	);
}

const UNITS = ['tk-hervanta', 'tk-ylojarvi', 'tays-sydan', 'koti-tampere', 'neuvola-kangasala'];
function response() {
	const nps = Math.min(10, Math.floor(Math.sqrt(Math.random()) * 11));
	return {
		clientId: randomUUID(),
		unit: UNITS[Math.floor(Math.random() * UNITS.length)],
		channel: 'kiosk',
		answers: { nps, s1: 1 + Math.floor(Math.random() * 5), s2: 'dk', open: 'Hyvä palvelu' }
	};
}

async function intake(batch: number, concurrency: number, n: number) {
	const bodies: unknown[] = [];
	for (let i = 0; i < n; i += batch)
		bodies.push(batch === 1 ? response() : { responses: Array.from({ length: batch }, response) });
	let stored = 0;
	let failed = 0;
	const t0 = performance.now();
	await pool(bodies, concurrency, async (body) => {
		const res = await fetch(`${BASE}/api/feedback/responses`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		if (res.status === 201) stored += ((await res.json()) as { stored: number }).stored;
		else failed++;
	});
	const secs = (performance.now() - t0) / 1000;
	return { stored, failed, perSecond: Math.round(stored / secs), secs: secs.toFixed(1) };
}

async function timed(url: string, n: number, cookie?: string) {
	const times: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		const res = await fetch(url, { headers: cookie ? { cookie } : {} });
		await res.text();
		if (!res.ok) throw new Error(`${url}: ${res.status}`);
		times.push(performance.now() - t0);
	}
	return { p50: percentile(times, 50).toFixed(1), p95: percentile(times, 95).toFixed(1) };
}

async function signIn(email: string): Promise<string> {
	const res = await fetch(`${BASE}/auth/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE },
		body: new URLSearchParams({ email, password: 'Osallistu-demo-2026' })
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
	return cookie;
}

async function main() {
	const pgServer = await startThrowawayPostgres();
	if (!pgServer) throw new Error('PostgreSQL (initdb, pg_ctl) is needed');
	let server: ChildProcess | undefined;
	try {
		server = spawn('node', ['build'], {
			env: {
				...process.env,
				PORT: String(PORT),
				ORIGIN: BASE,
				DATABASE_URL: pgServer.url,
				DEMO_DATA: '1',
				MAIL_WORKER: '0',
				DATA_DIR: '.bench-data',
				FEEDBACK_RATE_CAPACITY: '1000000000',
				FEEDBACK_RATE_PER_SECOND: '1000000'
			},
			stdio: ['ignore', 'ignore', 'inherit']
		});
		await waitFor(`${BASE}/`);
		const db = new Kysely<DB>({
			dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgServer.url }) })
		});
		const before = Number(
			(
				await db
					.selectFrom('feedback_response')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		console.log(`# Feedback benchmarks (PostgreSQL, built server, ${new Date().toISOString()})`);
		await intake(10, 4, 2000); // warm-up
		const single = await intake(1, 64, Math.min(INTAKE * 2, 20_000));
		console.log(
			`intake, one response per request, 64 concurrent clients: ${single.perSecond}/s (${single.stored} in ${single.secs} s, ${single.failed} failed)`
		);
		const batched = await intake(50, 8, INTAKE * 5);
		console.log(
			`intake, 50 per request (kiosk queue), 8 concurrent: ${batched.perSecond}/s (${batched.stored} in ${batched.secs} s, ${batched.failed} failed)`
		);
		const after = Number(
			(
				await db
					.selectFrom('feedback_response')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		const expected = 2000 + single.stored + batched.stored;
		console.log(
			`stored rows: ${after - before} of ${expected} accepted (lost: ${expected - (after - before)})`
		);
		const rollup = Number(
			(
				await db
					.selectFrom('feedback_rollup_daily')
					.select((eb) => eb.fn.sum('responses').as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		console.log(`rollup total ${rollup} = raw rows ${after}: ${rollup === after}`);

		const g = await generateResponses(db, TOTAL);
		console.log(
			`generated ${TOTAL} responses in ${g.insertSecs} s; rollups rebuilt in ${g.rollupSecs} s (${g.rollupRows} rollup rows)`
		);
		const unit = await db
			.selectFrom('unit')
			.select('id')
			.where('code', '=', 'tk-hervanta')
			.executeTakeFirstOrThrow();
		for (const path of ['/nps', '/nps/outpatient', '/nps/outpatient/tk-hervanta']) {
			await timed(`${BASE}${path}`, 5);
			const r = await timed(`${BASE}${path}`, 100);
			console.log(`public ${path}: p50 ${r.p50} ms, p95 ${r.p95} ms`);
		}
		const cookie = await signIn('palaute@demo.osallistu.fi');
		for (const path of [`/staff/feedback?scope=unit-${unit.id}`, '/staff/feedback']) {
			await timed(`${BASE}${path}`, 3, cookie);
			const r = await timed(`${BASE}${path}`, 50, cookie);
			console.log(`dashboard ${path}: p50 ${r.p50} ms, p95 ${r.p95} ms`);
		}
		await db.destroy();
	} finally {
		server?.kill('SIGTERM');
		pgServer.stop();
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
