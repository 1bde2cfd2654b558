import { expect, test, type APIRequestContext, type Browser, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

const SEEDS = [
	'Asioin mieluiten verkossa',
	'Chat on parempi kuin puhelin',
	'Haluan aina voida asioida kasvokkain',
	'Tunnistautuminen on hankalaa',
	'Ajanvaraus verkossa toimii hyvin',
	'Paperilomakkeet ovat selkeämpiä',
	'Ikääntyneet tarvitsevat digiapua',
	'Omat tiedot pitää nähdä yhdestä paikasta'
];
// Camp A agrees with the digital statements, camp B with the in-person ones; both share 6 and 7.
const DIGITAL = new Set([0, 1, 4]);
const campVote = (camp: 'A' | 'B', tid: number): 1 | -1 =>
	tid >= 6 ? 1 : DIGITAL.has(tid) === (camp === 'A') ? 1 : -1;

async function voteAll(page: Page, camp: 'A' | 'B', useKeyboard = false) {
	for (let i = 0; i < SEEDS.length; i++) {
		const body = (await page.locator('#statement').innerText()).trim();
		const tid = SEEDS.indexOf(body);
		expect(tid).toBeGreaterThanOrEqual(0);
		const name = campVote(camp, tid) === 1 ? 'Samaa mieltä' : 'Eri mieltä';
		const button = page.getByRole('button', { name, exact: true });
		if (useKeyboard) {
			await button.focus();
			await page.keyboard.press('Enter');
		} else {
			await button.click();
		}
		await expect(page.getByText(`Olet vastannut ${i + 1} väitteeseen`)).toBeVisible();
	}
}

function groupPartition(csv: string): string {
	const rows = csv.trim().split('\n').slice(1);
	const groups = new Map<string, number[]>();
	rows.forEach((r, i) => {
		const g = r.split(',')[1];
		if (g !== '') groups.set(g, [...(groups.get(g) ?? []), i]);
	});
	return JSON.stringify([...groups.values()].map((m) => m.join(' ')).sort());
}

/** Signatures of the personal (XID) links the moderator made, by xid. */
type Sigs = Map<string, string>;

async function apiCamp(
	request: APIRequestContext,
	id: string,
	sigs: Sigs,
	camp: 'A' | 'B',
	n: number
) {
	for (let p = 0; p < n; p++) {
		const votes = SEEDS.map((_, tid) => ({
			tid,
			vote: campVote(camp, tid),
			clientId: `e2e-${camp}${p}-${tid}`
		}));
		const r = await request.post(`/api/conversations/${id}/votes`, {
			data: { xid: `e2e-${camp}-${p}`, xsig: sigs.get(`e2e-${camp}-${p}`), votes }
		});
		expect(r.status()).toBe(200);
	}
}

async function newParticipant(browser: Browser, url: string, javaScriptEnabled = true) {
	const ctx = await browser.newContext({ javaScriptEnabled });
	const page = await ctx.newPage();
	await page.goto(url);
	return { ctx, page };
}

test('moderator creates a conversation, participants vote and write, the map and report show groups, the export re-imports to the same groups', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(180_000);
	await signIn(page, DEMO.moderator);
	await page.goto('/staff/conversations/new');
	await page.getByLabel('Aihe').fill('E2E: digipalvelut');
	await page.getByLabel('Kuvaus').fill('Testikeskustelu');
	await page.getByLabel('Aloitusväitteet').fill('<b>html</b>');
	await page.getByRole('button', { name: 'Luo keskustelu' }).click();
	await expect(page.getByText('Kirjoita väite pelkkänä tekstinä')).toBeVisible();
	await page.getByLabel('Aloitusväitteet').fill(SEEDS.join('\n'));
	await page.getByRole('button', { name: 'Luo keskustelu' }).click();
	await expect(page.getByText('Keskustelu luotiin.')).toBeVisible();
	const id = /\/staff\/conversations\/([0-9a-f-]{36})/.exec(page.url())![1];
	const url = `/conversations/${id}`;

	// Simulated participants come through personal links: the moderator allows them and makes
	// signed links for a list of ids; an id without its signature is refused.
	const xids = [
		...Array.from({ length: 10 }, (_, p) => `e2e-A-${p}`),
		...Array.from({ length: 8 }, (_, p) => `e2e-B-${p}`),
		'e2e-late'
	];
	const unsigned = await request.post(`/api/conversations/${id}/votes`, {
		data: { xid: 'e2e-A-0', tid: 0, vote: 1, clientId: 'e2e-unsigned-1' }
	});
	expect(unsigned.status()).toBe(403);
	await page.getByLabel('Osallistuminen henkilökohtaisella linkillä on sallittu').check();
	await page.getByRole('button', { name: 'Tallenna asetus' }).click();
	await expect(page.getByText('Asetus tallennettiin.')).toBeVisible();
	await page.getByLabel('Ulkoiset tunnisteet, yksi riville').fill(xids.join('\n'));
	await page.getByRole('button', { name: 'Tee linkit' }).click();
	await expect(page.getByText(`${xids.length} linkkiä valmiina.`)).toBeVisible();
	const csv = await page.getByLabel('Linkit CSV-muodossa (xid,link)').inputValue();
	const sigs: Sigs = new Map(
		csv
			.split(/\r?\n/)
			.slice(1)
			.map((row) => {
				const [xid, link] = row.split(',');
				return [xid, new URL(link).searchParams.get('xsig')!];
			})
	);
	expect([...sigs.keys()]).toEqual(xids);
	// A link with a made-up signature says so instead of letting the person in.
	const forged = await newParticipant(browser, `${url}?xid=e2e-A-0&xsig=${'A'.repeat(43)}`);
	await expect(forged.page.getByText('Henkilökohtainen linkki ei ole kelvollinen.')).toBeVisible();
	await expect(forged.page.getByRole('button', { name: 'Samaa mieltä' })).toHaveCount(0);
	await forged.ctx.close();

	// Three participants in the browser: mouse, keyboard, and a browser without JavaScript.
	const a = await newParticipant(browser, url);
	await expect(a.page.getByRole('heading', { level: 1 })).toHaveText('E2E: digipalvelut');
	await voteAll(a.page, 'A');
	await expect(a.page.getByText('Olet vastannut kaikkiin väitteisiin')).toBeVisible();
	const b = await newParticipant(browser, url);
	await voteAll(b.page, 'B', true);
	const c = await newParticipant(browser, url, false);
	await voteAll(c.page, 'B');

	// A participant writes a statement (markup refused first); it waits for moderation.
	await b.page.getByLabel('Väite', { exact: true }).fill('<script>x</script>');
	await b.page.getByRole('button', { name: 'Lähetä väite' }).click();
	await expect(b.page.getByText('Kirjoita väite pelkkänä tekstinä')).toBeVisible();
	await b.page.getByLabel('Väite', { exact: true }).fill('Puhelinjonot ovat liian pitkiä');
	await b.page.getByRole('button', { name: 'Lähetä väite' }).click();
	await expect(b.page.getByText('kun moderaattori on tarkistanut sen')).toBeVisible();

	// Simulated participants through the vote endpoint; a retried request is stored once.
	await apiCamp(request, id, sigs, 'A', 10);
	await apiCamp(request, id, sigs, 'B', 8);
	const retry = await request.post(`/api/conversations/${id}/votes`, {
		data: { xid: 'e2e-A-0', xsig: sigs.get('e2e-A-0'), tid: 0, vote: 1, clientId: 'e2e-A0-0' }
	});
	expect(await retry.json()).toMatchObject({ ok: true, stored: 0, duplicates: 1 });
	const bad = await request.post(`/api/conversations/${id}/votes`, {
		data: { xid: 'e2e-A-0', xsig: sigs.get('e2e-A-0'), tid: 0, vote: 5, clientId: 'e2e-bad-1' }
	});
	expect(bad.status()).toBe(400);

	// The moderator accepts the statement; participant A now sees it.
	await page.goto(`/staff/conversations/${id}`);
	const queue = page.locator('ul.queue li', { hasText: 'Puhelinjonot ovat liian pitkiä' });
	await queue.getByRole('button', { name: 'Hyväksy' }).click();
	await expect(page.getByText('Ei tarkistettavia väitteitä.')).toBeVisible();
	await a.page.goto(url);
	await expect(a.page.locator('#statement')).toHaveText('Puhelinjonot ovat liian pitkiä');

	// The worker recomputes within seconds: the map shows two groups and where A stands.
	await a.page.goto(`${url}/map`);
	await expect(async () => {
		await a.page.reload();
		await expect(a.page.getByRole('img', { name: /2 ryhmää, 21 vastaajaa/ })).toBeVisible({
			timeout: 1000
		});
	}).toPass({ timeout: 30_000 });
	await expect(a.page.getByRole('img', { name: /Mielipidekartta: 2 ryhmää/ })).toBeVisible();
	await expect(a.page.getByText(/Sinä kuulut ryhmään [AB]\./)).toBeVisible();
	await expect(a.page.getByText('Ikääntyneet tarvitsevat digiapua').first()).toBeVisible();

	// Report with a finding.
	await page.goto(`/staff/conversations/${id}/report`);
	await expect(page.getByRole('rowheader', { name: 'Ryhmä A' })).toBeVisible();
	await page.getByRole('radio', { name: 'Ikääntyneet tarvitsevat digiapua' }).check();
	await page.getByLabel('Huomio (vapaaehtoinen)').fill('Digituki kirjastoihin');
	await page.getByRole('button', { name: 'Kirjaa havainnoksi' }).click();
	await expect(page.getByText('Havainto kirjattiin.')).toBeVisible();
	await page.goto(`${url}/report`);
	await expect(page.getByText('Digituki kirjastoihin')).toBeVisible();

	// Export, re-import, same groups.
	const get = async (cid: string, f: string) => {
		const r = await page.request.get(`/staff/conversations/${cid}/export/${f}`);
		expect(r.status()).toBe(200);
		return r.text();
	};
	const pv = await get(id, 'participants-votes.csv');
	const comments = await get(id, 'comments.csv');
	expect(pv).not.toContain('e2e-A');
	await page.goto('/staff/conversations/import');
	await page
		.getByLabel('comments.csv')
		.setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(comments) });
	const broken = pv.replace(/\n(\d+),/, '\n$1,,,');
	await page.getByLabel('participants-votes.csv').setInputFiles({
		name: 'participants-votes.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(broken)
	});
	await page.getByLabel(/^Aihe/).fill('E2E: tuotu');
	await page.getByRole('button', { name: 'Tuo' }).click();
	await expect(
		page.getByText(/Tiedostossa on virhe: participants-votes\.csv:2:.*Mitään ei tallennettu/)
	).toBeVisible();
	await page
		.getByLabel('comments.csv')
		.setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(comments) });
	await page.getByLabel('participants-votes.csv').setInputFiles({
		name: 'participants-votes.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(pv)
	});
	await page.getByRole('button', { name: 'Tuo' }).click();
	await expect(page).toHaveURL(/\/staff\/conversations\/[0-9a-f-]{36}$/);
	const imported = /\/staff\/conversations\/([0-9a-f-]{36})/.exec(page.url())![1];
	expect(imported).not.toBe(id);
	expect(groupPartition(await get(imported, 'participants-votes.csv'))).toBe(groupPartition(pv));
	expect(JSON.parse(groupPartition(pv))).toHaveLength(2);

	// Closing stops voting.
	await page.goto(`/staff/conversations/${id}`);
	await page.getByRole('button', { name: 'Sulje keskustelu' }).click();
	await expect(page.getByText('Keskustelu suljettiin.')).toBeVisible();
	const closed = await request.post(`/api/conversations/${id}/votes`, {
		data: { xid: 'e2e-late', xsig: sigs.get('e2e-late'), tid: 0, vote: 1, clientId: 'e2e-late-1' }
	});
	expect(closed.status()).toBe(409);
	await a.page.goto(url);
	await expect(a.page.getByText('Keskustelu on päättynyt.')).toBeVisible();
	for (const p of [a, b, c]) await p.ctx.close();
});

test('a resident who is not a moderator cannot open the staff pages', async ({ page }) => {
	await signIn(page, DEMO.resident);
	const r = await page.goto('/staff/conversations');
	expect(r?.status()).toBe(403);
});
