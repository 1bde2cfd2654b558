/**
 * Property-based fuzz test (fast-check) of every form action and API endpoint of the built app.
 * The routes, their actions and the field names are read from src/routes (as the route walk
 * does), so a new form is fuzzed without touching this file. Generated input goes to each one
 * with a signed-in session where the area needs it, so it reaches validation. Three properties:
 *   - no answer is a 5xx;
 *   - every refusal (4xx) carries a message in the request's language (fi or en, by the
 *     `lang` cookie) from the catalogues, not a bare key or English from the framework;
 *   - a refused request changes no rows (row counts of every module table before and after).
 * The app runs here against its own PostgreSQL database so the rows can be counted while it runs.
 * The seed is printed; `FUZZ_SEED=<n> FUZZ_RUNS=<n>` reproduces or widens a run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request, test, type APIRequestContext, type APIResponse } from './fixtures';
import fc from 'fast-check';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres';
import { DEMO, DEMO_PASSWORD } from './helpers';
import { freePort } from '../helpers/free-port';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const LOCALES = ['fi', 'en'] as const;
type Locale = (typeof LOCALES)[number];
type Who = 'anonymous' | 'resident' | 'admin';

// ---------------------------------------------------------------- routes, actions, fields

interface Target {
	route: string;
	kind: 'action' | 'endpoint';
	/** Action name ('default' or named) or HTTP method of an endpoint. */
	name: string;
	fields: string[];
	hasFile: boolean;
}

const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');

function fieldNames(...sources: string[]): string[] {
	const names = new Set<string>();
	for (const src of sources) {
		for (const m of src.matchAll(/name="([\w.[\]-]+)"/g)) names.add(m[1]);
		for (const m of src.matchAll(/\.get(?:All)?\(\s*'([\w-]+)'\s*\)/g)) names.add(m[1]);
	}
	return [...names];
}

function listTargets(): Target[] {
	const out: Target[] = [];
	const walk = (dir: string) => {
		const rel = path.relative('src/routes', dir).split(path.sep).join('/');
		const route = ('/' + rel).replace(/\/\([^)]+\)/g, '').replace(/\/$/, '') || '/';
		const server = read(path.join(dir, '+page.server.ts'));
		const svelte = read(path.join(dir, '+page.svelte'));
		const actions = /export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/.exec(server)?.[1] ?? '';
		const fields = fieldNames(server, svelte);
		const hasFile = /type="file"/.test(svelte);
		for (const m of actions.matchAll(/^\t(\w+):\s*async/gm))
			out.push({ route, kind: 'action', name: m[1], fields, hasFile });
		const endpoint = read(path.join(dir, '+server.ts'));
		for (const m of endpoint.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
			out.push({ route, kind: 'endpoint', name: m[1], fields: fieldNames(endpoint), hasFile });
		for (const f of fs.readdirSync(dir, { withFileTypes: true }))
			if (f.isDirectory()) walk(path.join(dir, f.name));
	};
	walk('src/routes');
	// Signing out ends the session the rest of the run needs; it takes no input anyway.
	return out.filter((t) => t.route !== '/auth/sign-out');
}

/** Query keys the server reads anywhere: filters, pages, dates. */
function queryKeys(): string[] {
	const keys = new Set<string>();
	const walk = (dir: string) => {
		for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, f.name);
			if (f.isDirectory()) walk(p);
			else if (f.name.endsWith('.ts'))
				for (const m of read(p).matchAll(/searchParams\.get(?:All)?\('([\w-]+)'\)/g))
					keys.add(m[1]);
		}
	};
	walk('src');
	return [...keys];
}

// ---------------------------------------------------------------- messages of the catalogues

/** Literal pieces of every refusal message of a locale (parameters cut out). */
function refusalTexts(locale: Locale): string[] {
	const dir = path.join('src/lib/i18n/messages', locale);
	const out: string[] = [];
	const walk = (tree: Record<string, unknown>, key: string) => {
		for (const [k, v] of Object.entries(tree)) {
			const full = key ? `${key}.${k}` : k;
			if (typeof v === 'string') {
				if (!/error|validation|invalid|import\.|population\.|bad|tooLarge|noFile/i.test(full))
					continue;
				const piece = v
					.split(/\{\w+\}/)
					.map((s) => s.trim())
					.sort((a, b) => b.length - a.length)[0];
				if (piece && piece.length >= 8) out.push(piece);
			} else walk(v as Record<string, unknown>, full);
		}
	};
	for (const f of fs.readdirSync(dir))
		walk(JSON.parse(read(path.join(dir, f))), f.replace(/\.json$/, ''));
	return out;
}

function decodeEntities(s: string): string {
	return s
		.replace(/&#39;|&#x27;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** Every string inside a JSON answer (messages may sit at any depth). */
function jsonStrings(v: unknown): string[] {
	if (typeof v === 'string') return [v];
	if (v && typeof v === 'object') return Object.values(v).flatMap(jsonStrings);
	return [];
}

// ---------------------------------------------------------------- the app and its database

/**
 * Tables whose rows change without the request under test, or for every request by design:
 * sessions, sign-in throttling, the rate limiter's counters (a refused request counts against
 * its budget too) and the event delivery's records (written in the background for events of
 * earlier requests).
 */
const VOLATILE = new Set([
	'user_session',
	'auth_throttle',
	'core_rate_limit',
	'event_handled',
	'kysely_migration',
	'kysely_migration_lock'
]);

async function rowCounts(client: pg.Client, tables: string[]): Promise<Record<string, number>> {
	const sql = tables
		.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`)
		.join(' union all ');
	const r = await client.query<{ t: string; n: number }>(sql);
	return Object.fromEntries(r.rows.map((x) => [x.t, x.n]));
}

// ---------------------------------------------------------------- generated input

const nasty = fc.constantFrom(
	'',
	' ',
	'   ',
	'\u0000',
	'a\u0000b',
	'99999999999',
	'2147483648',
	'-1',
	'0',
	'1',
	'1.5',
	'1e400',
	'NaN',
	'2026-02-31',
	'2026-13-01',
	'0000-00-00',
	'x'.repeat(5000),
	'ä'.repeat(300),
	'<script>alert(1)</script>',
	"'; drop table app_user; --",
	'=HYPERLINK("http://x","y")',
	'true',
	'on',
	'837',
	'fi',
	'en',
	'agree',
	'pass',
	'complaint',
	'active',
	'00000000-0000-0000-0000-000000000000',
	'Olen 131052-308T',
	'{"a":1}',
	'../../etc/passwd',
	'\ud800',
	'\u202e\u200b'
);
const anyText = fc.oneof(
	{ weight: 3, arbitrary: nasty },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
	{ weight: 1, arbitrary: fc.integer().map(String) },
	{ weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String) }
);
const jsonValue = fc.oneof(
	{ weight: 3, arbitrary: anyText },
	{
		weight: 2,
		arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 53), fc.constant(1e300))
	},
	{ weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) }
);

interface Req {
	target: number;
	who: Who;
	locale: Locale;
	/** 'form' urlencoded, 'multipart' with a file, 'wrong' content type, 'json' body, 'get' query */
	body: 'form' | 'multipart' | 'wrong' | 'json' | 'get';
	real: boolean[];
	params: string[];
	values: [string, string][];
	json: unknown;
	file: Uint8Array;
}

function reqArb(targets: Target[], qkeys: string[]): fc.Arbitrary<Req> {
	return fc.record({
		target: fc.nat({ max: targets.length - 1 }),
		who: fc.constantFrom<Who>('anonymous', 'resident', 'admin'),
		locale: fc.constantFrom(...LOCALES),
		body: fc.oneof(
			{ weight: 6, arbitrary: fc.constant('form' as const) },
			{ weight: 1, arbitrary: fc.constant('multipart' as const) },
			{ weight: 1, arbitrary: fc.constant('wrong' as const) },
			{ weight: 2, arbitrary: fc.constant('json' as const) },
			{ weight: 2, arbitrary: fc.constant('get' as const) }
		),
		real: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
		params: fc.array(anyText, { minLength: 3, maxLength: 3 }),
		values: fc.array(
			fc.tuple(
				fc.oneof(
					{ weight: 5, arbitrary: fc.constant('') },
					{ weight: 1, arbitrary: fc.constantFrom(...qkeys) }
				),
				anyText
			),
			{ minLength: 0, maxLength: 8 }
		),
		json: fc.oneof(
			fc.dictionary(
				fc.constantFrom(
					'tid',
					'vote',
					'clientId',
					'votes',
					'unit',
					'channel',
					'answers',
					'responses',
					'messageId',
					'xid',
					'survey',
					'answeredAt',
					'nps',
					'locale'
				),
				fc.oneof(
					jsonValue,
					fc.array(fc.dictionary(fc.constantFrom('tid', 'vote', 'clientId', 'nps'), jsonValue), {
						maxLength: 3
					}),
					fc.dictionary(fc.constantFrom('nps', 's1', 'open'), jsonValue)
				)
			),
			jsonValue
		),
		file: fc.oneof(
			fc.uint8Array({ maxLength: 200 }),
			fc
				.array(fc.array(anyText, { minLength: 1, maxLength: 5 }), { maxLength: 5 })
				.map((rows) =>
					new TextEncoder().encode(
						['name;email;municipality;birth_year', ...rows.map((r) => r.join(';'))].join('\n')
					)
				)
		)
	});
}

// ---------------------------------------------------------------- the test

test('generated input to every form action and endpoint: no 5xx, refusals explained, nothing written', async () => {
	test.setTimeout(600_000);
	console.log(`fuzz seed ${SEED}, ${RUNS} runs (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} to repeat)`);
	const targets = listTargets();
	expect(targets.filter((t) => t.kind === 'action').length).toBeGreaterThan(20);
	const qkeys = queryKeys();
	const texts = { fi: refusalTexts('fi'), en: refusalTexts('en') };

	// Own PostgreSQL database, so rows can be counted while the app runs.
	let cluster: ThrowawayPostgres | null = null;
	let adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) {
		cluster = await startThrowawayPostgres();
		test.skip(!cluster, 'no PostgreSQL binaries (apt-get install postgresql)');
		adminUrl = cluster!.url;
	}
	const dbName = `fuzz_${process.pid}_${Date.now()}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${dbName}`);
	const dbUrl = new URL(adminUrl);
	dbUrl.pathname = `/${dbName}`;
	const port = await freePort();
	const base = `http://localhost:${port}`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-fuzz-'));
	let server: ChildProcess | null = null;
	let client: pg.Client | null = null;
	const contexts = new Map<string, APIRequestContext>();
	try {
		server = spawn('node', ['build'], {
			env: {
				...process.env,
				PORT: String(port),
				ORIGIN: base,
				DATABASE_URL: dbUrl.toString(),
				DATA_DIR: dataDir,
				DEMO_DATA: '1',
				SMTP_URL: '',
				MAIL_WORKER: '0',
				BACKGROUND_JOBS: '0',
				CONVERSATIONS_MAP_WORKER: '0',
				FEEDBACK_SMS_TOKEN: 'fuzz-sms-token',
				FEEDBACK_RATE_CAPACITY: '100000',
				AUTH_RATE_PER_MINUTE: '100000',
				BODY_SIZE_LIMIT: '1M'
			},
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let serverErr = '';
		server.stderr!.on('data', (d) => (serverErr = (serverErr + d).slice(-4000)));
		const up = await request.newContext({ baseURL: base });
		for (let i = 0; ; i++) {
			try {
				if ((await up.get('/', { timeout: 2000 })).ok()) break;
			} catch {
				/* not listening yet */
			}
			if (i > 120) throw new Error(`app did not start: ${serverErr}`);
			await new Promise((r) => setTimeout(r, 500));
		}
		await up.dispose();

		client = new pg.Client({ connectionString: dbUrl.toString() });
		await client.connect();
		const tables = (
			await client.query<{ t: string }>(
				`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
			)
		).rows
			.map((r) => r.t)
			.filter((t) => !VOLATILE.has(t));

		// Real ids, so some requests reach the code behind "not found".
		const ids = async (q: string) =>
			(await client!.query<{ v: string }>(q)).rows.map((r) => String(r.v));
		const real: Record<string, string[]> = {
			conversation: await ids('select id as v from conversation'),
			case: await ids('select id as v from feedback_case'),
			survey: await ids('select id as v from feedback_survey'),
			// Not the accounts the run signs in with: disabling one would end its session.
			user: await ids(
				`select id as v from app_user where email not in ('${DEMO.admin}', '${DEMO.resident}')`
			),
			invitation: await ids('select id as v from pool_invitation'),
			unit: await ids('select code as v from unit'),
			line: await ids('select code as v from service_line'),
			file: ['comments.csv', 'votes.csv', 'participants-votes.csv', 'summary.csv']
		};
		const realFor = (route: string, param: string): string[] => {
			if (param === 'file') return real.file;
			if (param === 'unit') return real.unit;
			if (param === 'line') return real.line;
			if (route.includes('conversations')) return real.conversation;
			if (route.includes('cases')) return real.case;
			if (route.startsWith('/admin/feedback')) return real.survey;
			if (route.startsWith('/admin/people')) return real.user;
			if (route.includes('invitations')) return real.invitation;
			return [];
		};

		const signIns: Record<Exclude<Who, 'anonymous'>, string> = {
			resident: DEMO.resident,
			admin: DEMO.admin
		};
		for (const who of ['anonymous', 'resident', 'admin'] as Who[])
			for (const locale of LOCALES) {
				const ctx = await request.newContext({
					baseURL: base,
					extraHTTPHeaders: { origin: base, accept: 'text/html' },
					storageState: {
						cookies: [
							{
								name: 'lang',
								value: locale,
								domain: 'localhost',
								path: '/',
								expires: -1,
								httpOnly: false,
								secure: false,
								sameSite: 'Lax'
							}
						],
						origins: []
					}
				});
				if (who !== 'anonymous') {
					const res = await ctx.post('/auth/sign-in', {
						form: { email: signIns[who], password: DEMO_PASSWORD },
						maxRedirects: 0
					});
					expect(res.status(), `sign-in ${who}`).toBe(303);
				}
				contexts.set(`${who}:${locale}`, ctx);
			}

		const failures: string[] = [];
		let refused = 0;
		let sent = 0;
		await fc.assert(
			fc.asyncProperty(reqArb(targets, qkeys), async (r) => {
				const t = targets[r.target];
				// Staff areas with the account that holds every role; /account with a resident.
				const who: Who = /^\/(staff|admin)/.test(t.route)
					? 'admin'
					: t.route.startsWith('/account')
						? 'resident'
						: r.who;
				const ctx = contexts.get(`${who}:${r.locale}`)!;
				let i = 0;
				const url0 = t.route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
					const k = i++ % 3;
					const candidates = realFor(t.route, name);
					const v =
						r.real[k] && candidates.length
							? candidates[r.params[k].length % candidates.length]
							: r.params[k];
					// A lone surrogate cannot be put in a URL at all.
					return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd')) || 'x';
				});
				const fields = r.values.map(
					([key, v], n) =>
						[key || t.fields[n % Math.max(1, t.fields.length)] || 'x', v] as [string, string]
				);
				const query = new URLSearchParams(r.body === 'get' ? fields : []);
				const action = t.kind === 'action' && t.name !== 'default' ? `?/${t.name}` : '';
				const url = url0 + (action || (query.size ? `?${query}` : ''));
				const method = t.kind === 'endpoint' ? t.name : r.body === 'get' ? 'GET' : 'POST';
				const before = await rowCounts(client!, tables);
				let res: APIResponse;
				const opts = { maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 } as const;
				if (method === 'GET') res = await ctx.get(url, opts);
				else if (method !== 'POST') res = await ctx.fetch(url, { ...opts, method });
				else if (t.kind === 'endpoint' && r.body !== 'form' && r.body !== 'multipart')
					res = await ctx.post(url, {
						...opts,
						headers: { 'content-type': 'application/json', authorization: 'Bearer fuzz-sms-token' },
						data: JSON.stringify(r.json)
					});
				else if (r.body === 'wrong')
					res = await ctx.post(url, {
						...opts,
						headers: { 'content-type': r.params[0].length % 2 ? 'text/plain' : 'application/json' },
						data:
							r.params[0].length % 2
								? fields.map(([k, v]) => `${k}=${v}`).join('\n')
								: JSON.stringify(Object.fromEntries(fields))
					});
				else if (r.body === 'multipart' || (r.body === 'json' && t.hasFile)) {
					const multipart: Record<
						string,
						string | { name: string; mimeType: string; buffer: Buffer }
					> = Object.fromEntries(fields);
					for (const name of t.fields.filter((f) =>
						/file|comments|participantsVotes|summary/.test(f)
					))
						multipart[name] = {
							name: 'data.csv',
							mimeType: 'text/csv',
							buffer: Buffer.from(r.file)
						};
					res = await ctx.post(url, { ...opts, multipart });
				} else res = await ctx.post(url, { ...opts, form: Object.fromEntries(fields) });
				sent++;
				const status = res.status();
				const what = `${who}/${r.locale} ${method} ${url} [${r.body}] ${JSON.stringify(fields).slice(0, 300)}`;
				if (status >= 500) {
					failures.push(`${status} ${what}`);
					return;
				}
				if (status < 400) return;
				refused++;
				const body = decodeEntities(await res.text());
				let textBody = body;
				try {
					textBody = jsonStrings(JSON.parse(body)).join('\n');
				} catch {
					/* not JSON */
				}
				if (!texts[r.locale].some((m) => textBody.includes(m)))
					failures.push(
						`${status} without a ${r.locale} message: ${what} → ${body.replace(/\s+/g, ' ').slice(0, 200)}`
					);
				const after = await rowCounts(client!, tables);
				for (const tbl of tables)
					if (after[tbl] !== before[tbl])
						failures.push(`${status} changed ${tbl} (${before[tbl]} → ${after[tbl]}): ${what}`);
			}),
			{ seed: SEED, numRuns: RUNS }
		);
		console.log(`fuzz: ${sent} requests, ${refused} refused, ${failures.length} failures`);
		if (failures.length) {
			fs.mkdirSync('.test-reports', { recursive: true });
			fs.writeFileSync('.test-reports/fuzz-failures.txt', failures.join('\n') + '\n');
		}
		expect(failures).toEqual([]);
	} finally {
		for (const ctx of contexts.values()) await ctx.dispose();
		await client?.end();
		server?.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 500));
		await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
		await admin.end();
		cluster?.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});
