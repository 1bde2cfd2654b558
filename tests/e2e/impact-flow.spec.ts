/**
 * The impact tracker end to end (issue 12): a finding from a conversation and one from a
 * feedback theme reach "implemented"; the owner's assignment mail and the participant's notice
 * are captured and read; the public page, the Atom feed and the open-data export show the
 * outcome; after the one-link opt-out the participant gets no more notices. Both findings reach
 * the tracker only through their modules' events.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from './fixtures';
import { DEMO, signIn, waitForMail } from './helpers';

const TOPIC = `E2E vaikutus ${Date.now().toString(36)}`;
const STATEMENT = 'Takaisinsoitto terveysasemalle auttaisi';
const THEME = `Pysäköinti on vaikeaa ${Date.now().toString(36)}`;

async function asUser(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

/** Notices to an address since a moment, from the captured mail folder. */
function noticesTo(to: string, since: number): number {
	const dir = path.join(
		(test.info().project.metadata as { dataDir?: string }).dataDir ?? '.e2e-data',
		'mail'
	);
	if (!fs.existsSync(dir)) return 0;
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
		.filter(
			(m) => m.to === to && m.subject.startsWith('Osallistuit') && Date.parse(m.date) >= since
		).length;
}

/** Opens the staff finding page of the finding whose text matches, once its event has arrived. */
async function openFinding(page: Page, text: string) {
	await expect(async () => {
		await page.goto(`/staff/impact?q=${encodeURIComponent(text.slice(0, 20))}`);
		await expect(page.getByRole('link', { name: text })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await page.getByRole('link', { name: text }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Havainto' })).toBeVisible();
	await page.waitForLoadState('networkidle'); // its selects are bound: choose once it runs
}

async function setStatus(page: Page, status: string, explanation: string) {
	// Choose only once the page runs: hydration resets a bound select chosen before it (the
	// status then stayed "received" on a cold server: the PostgreSQL flake of session 4).
	await page.waitForLoadState('networkidle');
	await page.locator('#f-status').selectOption({ label: status });
	await page.getByLabel('Julkinen selitys suomeksi').fill(explanation);
	await page.getByRole('button', { name: 'Tallenna tila' }).click();
	await expect(page.getByText(/Tila tallennettu/)).toBeVisible();
}

test('a conversation finding and a feedback theme go to "implemented", with mail, public page, feed and export', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	// The moderator opens a conversation; the demo resident, signed in, agrees with a statement.
	const mod = await asUser(browser, DEMO.moderator);
	await mod.goto('/staff/conversations/new');
	await mod.getByLabel('Aihe').fill(TOPIC);
	await mod.getByLabel('Aloitusväitteet').fill(`${STATEMENT}\nVerkkolomake on selkeä`);
	await mod.getByRole('button', { name: 'Luo keskustelu' }).click();
	await expect(mod.getByText('Keskustelu luotiin.')).toBeVisible();
	const id = /\/staff\/conversations\/([0-9a-f-]{36})/.exec(mod.url())![1];
	const resident = await asUser(browser, DEMO.resident);
	await resident.goto(`/conversations/${id}`);
	await resident.getByRole('button', { name: 'Samaa mieltä', exact: true }).click();
	await expect(resident.getByText('Olet vastannut 1 väitteeseen')).toBeVisible();

	// The moderator records the finding on the report (as before): the event carries it over.
	await mod.goto(`/staff/conversations/${id}/report`);
	await mod.getByRole('radio', { name: STATEMENT }).check();
	await mod.getByRole('button', { name: 'Kirjaa havainnoksi' }).click();
	await expect(mod.getByText('Havainto kirjattiin.')).toBeVisible();

	// A feedback handler records a recurring theme with its count.
	const handler = await asUser(browser, DEMO.feedback);
	await handler.goto('/staff/feedback/themes');
	await handler.waitForLoadState('networkidle');
	await handler.getByLabel('Yksikkö').selectOption({ label: 'Hervannan terveysasema' });
	await handler.getByLabel('Aihe', { exact: true }).fill(THEME);
	await handler.getByLabel('Palautteita, joissa aihe mainitaan').fill('17');
	await handler.getByRole('button', { name: 'Kirjaa aihe' }).click();
	await expect(handler.getByText('Aihe kirjattu.')).toBeVisible();

	// The admin (a coordinator) assigns the conversation finding to the Hervanta unit: its staff
	// member is mailed.
	await signIn(page, DEMO.admin);
	await openFinding(page, STATEMENT);
	const since = Date.now();
	await page.locator('#f-owner').selectOption({ label: 'Hervannan terveysasema' });
	await page.getByRole('button', { name: 'Tallenna vastuutaho' }).click();
	await expect(page.getByText('Vastuutaho tallennettu')).toBeVisible();
	const assigned = await waitForMail(DEMO.staff, 'osoitettu', { since });
	expect(assigned.text).toContain(STATEMENT);
	expect(assigned.text).toMatch(/\/staff\/impact\/findings\/\d+/);

	// "Not taken forward" without a reason is refused next to the field.
	await page.locator('#f-status').selectOption({ label: 'Ei viety eteenpäin' });
	await page.getByRole('button', { name: 'Tallenna tila' }).click();
	await expect(page.locator('#f-explanationFi-error')).toHaveText(
		'Kerro syy, kun havaintoa ei viedä eteenpäin.'
	);

	// Decided: the resident is told, in Finnish, with a link to the public page.
	await setStatus(page, 'Päätetty', 'Takaisinsoitto otetaan käyttöön.');
	const notice = await waitForMail(DEMO.resident, 'Osallistuit', { since });
	expect(notice.text).toContain(STATEMENT);
	expect(notice.text).toContain('Päätetty');
	const publicLink = /https?:\/\/\S+\/sanoitte-teimme\/\d+#finding-\d+/.exec(notice.text)![0];
	const optOut = /https?:\/\/\S+\/sanoitte-teimme\/notices\/[0-9a-f-]{36}/.exec(notice.text)![0];

	// The resident turns notices off with the link (a button: mail scanners change nothing).
	await resident.goto(new URL(optOut).pathname);
	await resident.getByRole('button', { name: 'Lopeta viestit' }).click();
	await expect(resident.getByText('Emme lähetä sinulle enää näitä viestejä.')).toBeVisible();

	// Implemented: no notice any more for the opted-out resident.
	const beforeImplemented = Date.now();
	await setStatus(page, 'Toteutettu', 'Takaisinsoitto on käytössä kaikilla asemilla.');

	// The theme finding goes the same way, by the owner's own account this time.
	await openFinding(page, THEME);
	await page.locator('#f-owner').selectOption({ label: 'Hervannan terveysasema' });
	await page.getByRole('button', { name: 'Tallenna vastuutaho' }).click();
	await expect(page.getByText('Vastuutaho tallennettu')).toBeVisible();
	const findingUrl = page.url();
	const owner = await asUser(browser, DEMO.staff);
	await owner.goto(new URL(findingUrl).pathname);
	await setStatus(owner, 'Toteutettu', 'Lisäsimme pysäköintipaikkoja.');
	await expect(owner.getByText('Lisäsimme pysäköintipaikkoja.')).toBeVisible();

	// The public page, without JavaScript, shows both outcomes.
	const nojs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await nojs.goto('/sanoitte-teimme?status=implemented');
	await expect(nojs.locator('p.body', { hasText: STATEMENT })).toBeVisible();
	await expect(nojs.getByText('Takaisinsoitto on käytössä kaikilla asemilla.')).toBeVisible();
	await expect(nojs.locator('p.body', { hasText: THEME })).toBeVisible();
	await nojs.goto(new URL(publicLink).pathname);
	await expect(nojs.getByRole('heading', { level: 1, name: TOPIC })).toBeVisible();
	await expect(nojs.getByText('< 5').first()).toBeVisible(); // two took part
	await expect(nojs.locator('ol.timeline').getByText('Toteutettu')).toBeVisible();

	// The feed and the exports carry the outcome.
	const feed = await (await page.request.get('/sanoitte-teimme/feed.xml')).text();
	expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
	expect(feed).toContain(`Toteutettu: ${STATEMENT}`);
	const json = await (await page.request.get('/sanoitte-teimme/data/impact.json')).json();
	expect(json.licence.name).toBe('CC BY 4.0');
	const f = json.findings.find((x: { body: string }) => x.body === STATEMENT);
	expect(f.status).toBe('implemented');
	expect(JSON.stringify(json)).not.toContain(DEMO.resident);
	const csv = await (await page.request.get('/sanoitte-teimme/data/findings.csv')).text();
	expect(csv).toContain(THEME);
	expect(csv.split('\r\n')[0]).toContain('id,activity_id,kind,body,status');

	// Nothing reached the opted-out resident after the opt-out.
	await new Promise((r) => setTimeout(r, 3000));
	expect(noticesTo(DEMO.resident, beforeImplemented)).toBe(0);
});
