/**
 * Object-level access with REAL objects (the route walk only uses a dummy id, which a missing
 * ownership or scope check still answers with 404): every role opens and POSTs (default and
 * named actions) to real feedback cases in and out of the handler's service line, conversations,
 * pool invitations, people and surveys, and a pool member's invitation answer. Refused POSTs
 * must change nothing.
 */
import { expect, request, test, type APIRequestContext, type Browser } from './fixtures';
import { DEMO, DEMO_PASSWORD, firstLink, signIn, waitForMail } from './helpers';

type Who = 'anonymous' | keyof typeof DEMO;
const WHO: Who[] = ['anonymous', ...(Object.keys(DEMO) as (keyof typeof DEMO)[])];

interface Target {
	what: string;
	url: string;
	allowed: Who[];
	/** Actions to POST as every role that is not allowed: 'default' or a named action. */
	actions: string[];
}

async function contextFor(baseURL: string, who: Who): Promise<APIRequestContext> {
	const ctx = await request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }
	});
	if (who !== 'anonymous') {
		const res = await ctx.post('/auth/sign-in', {
			form: { email: DEMO[who], password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(res.status(), `sign-in ${who}`).toBe(303);
	}
	return ctx;
}

/**
 * Sends direct feedback that asks for a reply through the public form (no JavaScript), so the
 * case is open and an answer that got through would close it.
 */
async function sendCase(browser: Browser, unitCode: string, body: string): Promise<void> {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const form = await ctx.newPage();
	await form.goto(`/feedback/direct?unit=${unitCode}`);
	await form.getByLabel('Kehitysidea').check();
	await form.getByLabel('Palautteesi').fill(body);
	await form.getByLabel('Haluan vastauksen').check();
	await form.getByLabel(/^\s*Sähköposti/).fill(`object-access-${Date.now()}@example.com`);
	await form.getByRole('button', { name: 'Lähetä palaute' }).click();
	await expect(form.getByRole('heading', { level: 1 })).toHaveText('Kiitos palautteestasi');
	await ctx.close();
}

/** The pool coordinator invites a few demo members through the form; returns the invitation id. */
async function createInvitation(browser: Browser, title: string): Promise<string> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await signIn(page, DEMO.pool);
	// jasen1, jasen10 … jasen19: a handful of the demo members.
	await page.goto('/staff/pool/invitations/new?q=jasen1');
	await page.getByLabel('Toiminnan tyyppi').selectOption('panel');
	await page.getByLabel('Otsikko').fill(title);
	await page.getByLabel('Viesti suomeksi').fill('Tervetuloa mukaan.');
	await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
	await expect(page.getByText(/Kutsu lähetetty \d+ jäsenelle\./)).toBeVisible();
	const id = /\/staff\/pool\/invitations\/(\d+)/.exec(page.url())?.[1];
	await ctx.close();
	expect(id, 'invitation created').toBeTruthy();
	return id!;
}

/** Ids linked from a list page, e.g. every `/staff/pool/invitations/<id>`. */
async function linkedIds(ctx: APIRequestContext, list: string, prefix: string): Promise<string[]> {
	const res = await ctx.get(list);
	expect(res.status(), list).toBe(200);
	const html = await res.text();
	const re = new RegExp(`href="${prefix}/([0-9a-f-]+)"`, 'g');
	return [...new Set([...html.matchAll(re)].map((m) => m[1]))];
}

/** The case whose link text (the excerpt) starts with the marker. */
async function caseId(admin: APIRequestContext, marker: string): Promise<string> {
	const html = await (await admin.get('/staff/feedback/cases?status=all')).text();
	const m = new RegExp(`href="/staff/feedback/cases/([0-9a-f-]{36})"[^>]*>${marker}`).exec(html);
	expect(m, `case ${marker} listed for the admin`).not.toBeNull();
	return m![1];
}

async function caseStatus(admin: APIRequestContext, id: string): Promise<string> {
	const html = await (await admin.get(`/staff/feedback/cases/${id}`)).text();
	return /data-testid="case-status"[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
}

test('real objects answer each role only as far as its role and scope reach', async ({
	baseURL,
	browser
}) => {
	test.setTimeout(240_000);
	const stamp = Date.now().toString(36);
	// suun-terveys is in Avopalvelut (the demo handler's service line), tays-paivystys is not.
	const inScope = `Oma-${stamp}`;
	const outOfScope = `Vieras-${stamp}`;
	await sendCase(browser, 'suun-terveys', `${inScope} ajanvaraus toimi hyvin.`);
	await sendCase(browser, 'tays-paivystys', `${outOfScope} päivystyksen odotustila.`);

	const ctx = new Map<Who, APIRequestContext>();
	for (const who of WHO) ctx.set(who, await contextFor(baseURL!, who));
	const admin = ctx.get('admin')!;

	const ownCase = await caseId(admin, inScope);
	const otherCase = await caseId(admin, outOfScope);
	const [conversation] = await linkedIds(admin, '/staff/conversations', '/staff/conversations');
	const invitation = await createInvitation(browser, `Kutsu ${stamp}`);
	const people = await linkedIds(admin, '/admin/people', '/admin/people');
	const [survey] = await linkedIds(admin, '/admin/feedback', '/admin/feedback');
	expect(conversation && invitation && survey && people.length, 'demo objects found').toBeTruthy();

	const everyone = WHO.filter((w) => w !== 'anonymous');
	const targets: Target[] = [
		{
			what: 'feedback case in the handler’s service line',
			url: `/staff/feedback/cases/${ownCase}`,
			allowed: ['admin', 'feedback'],
			actions: ['default']
		},
		{
			what: 'feedback case outside the handler’s service line',
			url: `/staff/feedback/cases/${otherCase}`,
			allowed: ['admin'],
			actions: ['default']
		},
		{
			what: 'conversation (staff)',
			url: `/staff/conversations/${conversation}`,
			allowed: ['admin', 'moderator'],
			actions: ['moderate', 'seed', 'close', 'reopen']
		},
		{
			what: 'conversation report (staff)',
			url: `/staff/conversations/${conversation}/report`,
			allowed: ['admin', 'moderator'],
			actions: ['addFinding', 'removeFinding']
		},
		{
			what: 'conversation export',
			url: `/staff/conversations/${conversation}/export/votes.csv`,
			allowed: ['admin', 'moderator'],
			actions: []
		},
		{
			what: 'pool invitation',
			url: `/staff/pool/invitations/${invitation}`,
			allowed: ['admin', 'pool'],
			actions: ['remind', 'close']
		},
		...people.slice(0, 2).map((id) => ({
			what: `person ${id}`,
			url: `/admin/people/${id}`,
			allowed: ['admin'] as Who[],
			actions: ['grant', 'revoke', 'disable']
		})),
		{
			what: 'survey',
			url: `/admin/feedback/${survey}`,
			allowed: ['admin'],
			actions: ['default']
		},
		{
			what: 'public conversation page',
			url: `/conversations/${conversation}`,
			allowed: ['anonymous', ...everyone],
			actions: []
		}
	];

	const failures: string[] = [];
	for (const t of targets) {
		for (const who of WHO) {
			const c = ctx.get(who)!;
			const res = await c.get(t.url, { maxRedirects: 0 });
			const status = res.status();
			const toSignIn =
				status === 303 && (res.headers()['location'] ?? '').startsWith('/auth/sign-in');
			if (t.allowed.includes(who)) {
				if (status !== 200) failures.push(`${who} GET ${t.what}: ${status} (should be 200)`);
				continue;
			}
			const refused = (s: number, signIn: boolean) =>
				who === 'anonymous' ? signIn || s === 401 || s === 403 : s === 403 || s === 404;
			if (!refused(status, toSignIn))
				failures.push(`${who} GET ${t.what}: ${status} (should be refused)`);
			for (const action of t.actions) {
				const url = action === 'default' ? t.url : `${t.url}?/${action}`;
				// A valid-looking form, so a missing check would let the action run.
				const post = await c.post(url, {
					form: { answer: 'Luvaton vastaus', id: '1', role: 'admin', action: 'accept', lines: 'x' },
					maxRedirects: 0
				});
				const p = post.status();
				const pSignIn = p === 303 && (post.headers()['location'] ?? '').startsWith('/auth/sign-in');
				if (!refused(p, pSignIn))
					failures.push(`${who} POST ${t.what} ?/${action}: ${p} (should be refused)`);
			}
		}
	}
	expect(failures).toEqual([]);
	// No refused answer got through: both cases still wait for their reply.
	expect(await caseStatus(admin, otherCase)).toBe('Odottaa vastausta');
	expect(await caseStatus(admin, ownCase)).toBe('Odottaa vastausta');
	for (const c of ctx.values()) await c.dispose();
});

/** A demo account joins the pool through the form and confirms by the mailed link. */
async function joinPool(browser: Browser, who: keyof typeof DEMO) {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await signIn(page, DEMO[who]);
	const since = Date.now();
	await page.goto('/pool');
	await page.getByLabel('Kotikunta').selectOption({ label: 'Tampere' });
	await page.getByLabel('Syntymävuosi').fill('1975');
	await page.getByLabel('Verkossa', { exact: true }).check();
	await page.getByLabel(/Annan luvan/).check();
	await page.getByRole('button', { name: 'Liity pooliin' }).click();
	await expect(page.getByRole('heading', { name: 'Katso sähköpostisi' })).toBeVisible();
	const confirm = await waitForMail(DEMO[who], 'Vahvista liittyminen', { since });
	await page.goto(firstLink(confirm.text));
	await page.getByRole('button', { name: 'Vahvista' }).click();
	await expect(page.getByText('Kiitos! Olet nyt mukana asukaspoolissa.')).toBeVisible();
	return {
		/** Leaves the pool again, so no other test finds this account as a member. */
		async leave() {
			await page.goto('/account/pool');
			await page.getByLabel('Ymmärrän, että tietoni poistetaan').check();
			await page.getByRole('button', { name: 'Lähde poolista ja poista tiedot' }).click();
			await expect(page.getByText('Tietosi on poistettu asukaspoolista.')).toBeVisible();
			await ctx.close();
		}
	};
}

test('nobody but the member answers a pool invitation, whatever recipient id is posted', async ({
	baseURL,
	browser
}) => {
	test.setTimeout(120_000);
	// A member of their own (the council coordinator's account) tries other members' answers.
	const member = await joinPool(browser, 'council');
	const invitation = await createInvitation(browser, `Vastaus ${Date.now().toString(36)}`);
	const pool = await contextFor(baseURL!, 'pool');
	const answers = async () => {
		const html = await (await pool.get(`/staff/pool/invitations/${invitation}`)).text();
		return [...html.matchAll(/data-answer="(\w+)"[^>]*>\s*(\d+)/g)].map((m) => `${m[1]}=${m[2]}`);
	};
	const before = await answers();
	expect(before.length, 'answer counts shown').toBeGreaterThan(0);
	// Recipient ids are a sequence: the ones just created (to demo members jasen1…) are among
	// the first couple of hundred; none is the council coordinator's.
	for (const who of ['council', 'resident', 'staff', 'pool', 'moderator'] as const) {
		const other = await contextFor(baseURL!, who);
		const step = who === 'council' ? 1 : 7;
		for (let id = 1; id <= 200; id += step) {
			const res = await other.post('/account/pool/invitations', {
				form: { id: String(id), answer: 'no' },
				maxRedirects: 0
			});
			expect(res.status(), `${who} answering recipient ${id}`).toBe(404);
		}
		await other.dispose();
	}
	expect(await answers()).toEqual(before);
	await pool.dispose();
	await member.leave();
});
