/**
 * Bad input gets a clear 4xx with a message in the user's language, never a 500: one check per
 * case that used to end in a 500, through the forms and endpoints a browser uses.
 */
import fs from 'node:fs';
import { expect, request, test, type APIRequestContext } from './fixtures';
import { DEMO, DEMO_PASSWORD } from './helpers';

/** The English text of a catalogue key (the contexts below send `lang=en`). */
function en(key: string): string {
	const [module, ...rest] = key.split('.');
	let v: unknown = JSON.parse(fs.readFileSync(`src/lib/i18n/messages/en/${module}.json`, 'utf8'));
	for (const k of rest) v = (v as Record<string, unknown>)[k];
	if (typeof v !== 'string') throw new Error(`no message ${key}`);
	return v;
}

const decode = (html: string) =>
	html
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

let anon: APIRequestContext;
let admin: APIRequestContext;
let resident: APIRequestContext;

async function context(baseURL: string, email?: string) {
	const ctx = await request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL, accept: 'text/html' },
		storageState: {
			cookies: [
				{
					name: 'lang',
					value: 'en',
					domain: new URL(baseURL).hostname,
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
	if (email) {
		const res = await ctx.post('/auth/sign-in', {
			form: { email, password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
	}
	return ctx;
}

test.beforeAll(async ({ baseURL }) => {
	anon = await context(baseURL!);
	admin = await context(baseURL!, DEMO.admin);
	resident = await context(baseURL!, DEMO.resident);
});
test.afterAll(async () => {
	for (const c of [anon, admin, resident]) await c?.dispose();
});

async function unitId(): Promise<string> {
	const html = await (await anon.get('/feedback/direct')).text();
	const m = /<option value="(\d+)"/.exec(html);
	expect(m, 'a unit to choose').not.toBeNull();
	return m![1];
}

async function conversationId(): Promise<string> {
	const html = await (await anon.get('/conversations')).text();
	// The open demo conversation by its topic: other specs add closed ones that may come first.
	const m = /href="\/conversations\/([0-9a-f-]{36})"[^>]*>\s*Miten koet/.exec(html);
	expect(m, 'a demo conversation').not.toBeNull();
	return m![1];
}

test('a form action posted as text/plain or JSON is refused with 415, a broken form with 400', async () => {
	for (const [type, data] of [
		['text/plain', 'kind=praise\nbody=x'],
		['application/json', '{"kind":"praise"}']
	]) {
		const res = await anon.post('/feedback/direct', {
			headers: { 'content-type': type },
			data,
			maxRedirects: 0
		});
		expect(res.status()).toBe(415);
		expect(await res.text()).toContain(en('core.errors.415'));
	}
	const broken = await anon.post('/feedback/direct', {
		headers: { 'content-type': 'multipart/form-data; boundary=x' },
		data: '--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nno end',
		maxRedirects: 0
	});
	expect(broken.status()).toBe(400);
	expect(await broken.text()).toContain(en('core.errors.400'));
	// The language switch is an endpoint reading a form: the same rule.
	const lang = await anon.post('/language', {
		headers: { 'content-type': 'text/plain' },
		data: 'lang=fi',
		maxRedirects: 0
	});
	expect(lang.status()).toBe(415);
	expect(await lang.text()).toContain(en('core.errors.415'));
});

test('a unit id past the integer range in the feedback form is a field error, not a 500', async () => {
	const res = await anon.post('/feedback/direct', {
		form: { clientId: 'bad-input-0001', unit: '99999999999', kind: 'praise', body: 'Hyvä palvelu' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(400);
	expect(decode(await res.text())).toContain(en('feedback.errors.unit'));
});

test('NUL characters in free text are dropped, not sent to PostgreSQL', async () => {
	const res = await anon.post('/feedback/direct', {
		form: {
			clientId: 'bad-input-0002',
			unit: await unitId(),
			kind: 'praise',
			body: 'Hyvä\u0000 palvelu'
		},
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
});

test('ids past the integer range in route parameters and forms are 404 / 400', async () => {
	const inv = await admin.get('/staff/pool/invitations/99999999999', { maxRedirects: 0 });
	expect(inv.status()).toBe(404);
	expect(decode(await inv.text())).toContain(en('core.errors.404'));
	const id = await conversationId();
	const finding = await admin.post(`/staff/conversations/${id}/report?/removeFinding`, {
		form: { findingId: '99999999999' },
		maxRedirects: 0
	});
	expect(finding.status()).toBe(400);
	expect(decode(await finding.text())).toContain(en('conversations.errors.badRequest'));
	const vote = await resident.post(`/conversations/${id}?/vote`, {
		form: { vote: 'agree', tid: '99999999999', clientId: 'bad-input-vote-1' },
		maxRedirects: 0
	});
	expect(vote.status()).toBe(400);
	expect(decode(await vote.text())).toContain(en('conversations.errors.badStatementId'));
});

test('a malformed id in the path matches no route: 404 with the message, for pages and the API', async () => {
	// The `uuid` and `int` matchers (src/params) refuse these before any hook rule or load runs.
	for (const path of [
		'/admin/people/not-a-uuid',
		'/admin/feedback/1.5',
		'/staff/feedback/cases/42',
		'/staff/pool/invitations/abc',
		'/conversations/00000000-0000-0000-0000-00000000000g',
		"/staff/conversations/1'%20or%201=1/report"
	]) {
		const res = await admin.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBe(404);
		expect(decode(await res.text()), path).toContain(en('core.errors.404'));
	}
	// No route matched, so no area rule ran either: not even a sign-in redirect for a visitor.
	const visitor = await anon.get('/staff/pool/invitations/abc', { maxRedirects: 0 });
	expect(visitor.status()).toBe(404);
	expect((await anon.get('/staff/pool/invitations/1', { maxRedirects: 0 })).status()).toBe(303);
	const api = await anon.post('/api/conversations/not-a-uuid/votes', {
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		data: { votes: [{ tid: 0, vote: 1, clientId: 'bad-id-1' }] },
		maxRedirects: 0
	});
	expect(api.status()).toBe(404);
});

test('an unknown or very long municipality in the pool sign-up is a field error', async () => {
	for (const municipality of ['999', 'x'.repeat(500)]) {
		const res = await anon.post('/pool', {
			form: {
				name: 'Testi Henkilö',
				email: `kunta-${municipality.length}@example.fi`,
				municipality,
				birthYear: '1970',
				locale: 'en',
				consent: 'on'
			},
			maxRedirects: 0
		});
		expect(res.status()).toBe(400);
		expect(decode(await res.text())).toContain(en('pool.import.unknownMunicipality'));
	}
});

test('a date that does not exist is refused before the feedback export starts streaming', async () => {
	for (const q of ['from=2026-02-31', 'to=2026-13-01']) {
		const res = await admin.get(`/staff/feedback/export?${q}`, { maxRedirects: 0 });
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain(en('validation.date'));
	}
	const page = await admin.get('/staff/feedback?from=2026-02-31', { maxRedirects: 0 });
	expect(page.status()).toBe(400);
	expect(decode(await page.text())).toContain(en('validation.date'));
	const ok = await admin.get('/staff/feedback/export?from=2026-02-28&to=2026-03-01');
	expect(ok.status()).toBe(200);
	// The spreadsheet form (core's writeSpreadsheetCsv): a byte-order mark, then named columns
	// separated by semicolons.
	const head = (await ok.text()).split('\r\n')[0];
	expect(head.startsWith('\ufeff')).toBe(true);
	expect(head.split(';').length).toBeGreaterThan(5);
});

test('a whitespace-only clientId sent twice with a statement is no clash', async () => {
	const id = await conversationId();
	for (const body of ['Ensimmäinen testiväite tässä', 'Toinen testiväite tässä']) {
		const res = await resident.post(`/conversations/${id}?/statement`, {
			form: { body, clientId: '   ' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(200);
	}
});
