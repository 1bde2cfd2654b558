/**
 * The rest of issue 12 on the user's path: a coordinator enters a hand-held workshop with its
 * figures and findings (bad input refused with a 4xx next to the field, nothing stored).
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { DEMO, signIn, waitForMail } from './helpers';

const RUN = Date.now().toString(36);
const WORKSHOP = `Työpaja ikäihmisten kotihoidosta ${RUN}`;
const FINDING_1 = `Kotihoidon käyntiajat kerrotaan etukäteen ${RUN}`;
const FINDING_2 = `Omahoitaja pysyy samana ${RUN}`;

async function asUser(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signIn(page, email);
	return page;
}

async function fillWorkshop(page: Page, over: { tookPart?: string; byGroup?: string } = {}) {
	// Choose in the bound selects once the page runs (hydration would reset them).
	await page.waitForLoadState('networkidle');
	await page.locator('#f-organiserUnit').selectOption({ label: 'Ylöjärven terveysasema' });
	await page.getByLabel('Aihe', { exact: true }).fill(WORKSHOP);
	await page.getByRole('checkbox', { name: 'Ikäihmisten ja vammaisten palvelut' }).check();
	await page.getByLabel('Kunta').selectOption({ label: 'Nokia' });
	await page.locator('#f-organiser').fill('Eläkeläisyhdistys');
	await page.getByLabel('Alkupäivä').fill('2026-11-10');
	await page.getByLabel(/^\s*Loppupäivä/).fill('2026-11-10');
	await page.getByLabel(/^\s*Kutsuttuja/).fill('20');
	await page.getByLabel(/^\s*Osallistui/).fill(over.tookPart ?? '14');
	await page
		.getByLabel(/^\s*Osallistujat ryhmittäin/)
		.fill(
			over.byGroup ?? 'age_band:65-74 = 8\nage_band:75+ = 6\nlanguage:fi = 12\nlanguage:sv = 2'
		);
	await page
		.getByLabel(/^\s*Havainnot/)
		.first()
		.fill(`${FINDING_1}\n${FINDING_2}`);
}

test('a coordinator enters a hand-held workshop; bad input is refused and stores nothing', async ({
	browser
}) => {
	test.setTimeout(120_000);
	// Without JavaScript first: the form posts, the server answers 400 with the error by the field.
	const nojs = await asUser(browser, DEMO.admin, false);
	await nojs.goto('/staff/impact/activities');
	await fillWorkshop(nojs, { tookPart: '30' });
	const [bad] = await Promise.all([
		nojs.waitForResponse((r) => r.request().method() === 'POST'),
		nojs.getByRole('button', { name: 'Tallenna osallistuminen' }).click()
	]);
	expect(bad.status()).toBe(400);
	await expect(nojs.locator('#f-tookPart-error')).toHaveText(
		'Osallistuneita ei voi olla enemmän kuin kutsuttuja.'
	);
	await expect(nojs.getByRole('link', { name: WORKSHOP })).toHaveCount(0);

	// With JavaScript: a group line that is not a group, then the right figures.
	const page = await asUser(browser, DEMO.admin);
	await page.goto('/staff/impact/activities');
	await fillWorkshop(page, { byGroup: 'nuoret 5' });
	await page.getByRole('button', { name: 'Tallenna osallistuminen' }).click();
	await expect(page.locator('#f-byGroup-error')).toContainText('Kirjoita yksi ryhmä riville');
	await page.goto('/staff/impact/activities');
	await expect(page.getByRole('link', { name: WORKSHOP })).toHaveCount(0);
	await fillWorkshop(page);
	await page.getByRole('button', { name: 'Tallenna osallistuminen' }).click();
	await expect(page.getByText('Osallistuminen tallennettiin (2 havaintoa).')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('link', { name: WORKSHOP })).toHaveCount(1);

	// A staff member who is not a coordinator sees no form, and a forged post is refused.
	const staff = await asUser(browser, DEMO.staff);
	await staff.goto('/staff/impact/activities');
	await expect(staff.getByRole('button', { name: 'Tallenna osallistuminen' })).toHaveCount(0);
	const forged = await staff.request.post('/staff/impact/activities?/create', {
		headers: { origin: new URL(staff.url()).origin, accept: 'text/html' },
		form: { kind: 'workshop', topic: `Väärennetty ${RUN}`, startsOn: '2026-11-10' }
	});
	expect(forged.status()).toBe(403);

	// The public page shows the workshop, its figures (small groups masked) and both findings.
	await page.getByRole('link', { name: WORKSHOP }).click();
	await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible();
	await expect(page.getByText(FINDING_1)).toBeVisible();
	await expect(page.getByText(FINDING_2)).toBeVisible();
	// The organiser: the organising unit's name and the organiser's own text.
	await expect(page.locator('#organiser')).toHaveText(
		/^\s*Ylöjärven terveysasema,\s*Eläkeläisyhdistys\s*$/
	);
	// Nobody has answered "did you feel heard" yet: no share, counts "< 5".
	await expect(page.locator('#heard')).toContainText('< 5 / < 5 vastaajaa vastasi 4 tai 5');
	await expect(page.locator('#heard')).toContainText('ei tiedossa');
	await page.goto('/staff/impact/activities');
	await expect(page.getByText(`Väärennetty ${RUN}`)).toHaveCount(0);

	// The public metric sets reach against the pool's population figures (demo: illustrative).
	await page.goto('/sanoitte-teimme/luvut');
	const ages = page.getByRole('table', { name: /Ikäryhmä/ });
	await expect(ages).toBeVisible();
	await expect(ages.getByRole('columnheader', { name: 'Osuus väestöstä' })).toBeVisible();
	await expect(ages.getByRole('row', { name: /^75\+/ })).toBeVisible();
	await expect(page.getByText(/Väestötiedot:[\s\S]*\(havainnollistava\)/).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Kokivat tulleensa kuulluiksi' })).toBeVisible();
});

/** Sets the status on the staff finding page (the admin is a coordinator). */
async function setStatus(page: Page, status: string, explanation: string) {
	await page.locator('#f-status').selectOption({ label: status });
	await page.getByLabel('Julkinen selitys suomeksi').fill(explanation);
	await page.getByRole('button', { name: 'Tallenna tila' }).click();
	await expect(page.getByText(/Tila tallennettu/)).toBeVisible();
}

async function openFinding(page: Page, text: string) {
	await expect(async () => {
		await page.goto(`/staff/impact?q=${encodeURIComponent(text.slice(0, 20))}`);
		await expect(page.getByRole('link', { name: text })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await page.getByRole('link', { name: text }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Havainto' })).toBeVisible();
}

test('a pool member who accepted the workshop invitation and a feedback giver who asked for a reply hear when their finding moves', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const admin = await asUser(browser, DEMO.admin);
	const topic = `Pooli-työpaja ${RUN}`;
	const finding = `Asukkaat haluavat iltavastaanoton ${RUN}`;
	await admin.goto('/staff/impact/activities');
	await admin.getByLabel('Aihe', { exact: true }).fill(topic);
	await admin.getByLabel('Alkupäivä').fill('2026-11-20');
	await admin
		.getByLabel(/^\s*Havainnot/)
		.first()
		.fill(finding);
	await admin.getByRole('button', { name: 'Tallenna osallistuminen' }).click();
	await expect(admin.getByText('Osallistuminen tallennettiin (1 havaintoa).')).toBeVisible();

	// "Invite from the pool" opens the pool's form filled in for the workshop.
	await admin.reload();
	await admin
		.getByRole('row', { name: new RegExp(topic) })
		.getByRole('link', { name: 'Kutsu poolista' })
		.click();
	await expect(admin).toHaveURL(/\/staff\/pool\/invitations\/new\?/);
	await expect(admin.getByLabel('Toiminnan tyyppi')).toHaveValue('workshop');
	const since = Date.now();
	await admin.getByRole('button', { name: 'Lähetä kutsu' }).click();
	await expect(admin.getByText(/Kutsu lähetetty \d+ jäsenelle\./)).toBeVisible();

	// A demo member accepts with the reply link (no account needed).
	const member = 'jasen2@demo.osallistu.fi';
	const invitation = await waitForMail(member, topic, { since });
	const reply = /https?:\/\/\S+\/pool\/reply\/\S+/.exec(invitation.text)![0];
	const m = await (await browser.newContext()).newPage();
	await m.goto(new URL(reply).pathname);
	await m.getByRole('button', { name: 'Kyllä, tulen' }).click();
	await expect(m.getByText('Kiitos, vastauksesi on tallennettu.')).toBeVisible();

	// A resident sends feedback asking for a reply; the handler records a theme with that case.
	const resident = `impact-${RUN}@example.com`;
	const form = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await form.goto('/feedback/direct?unit=tk-ylojarvi');
	await form.getByLabel('Moite').check();
	await form.getByLabel('Palautteesi').fill('Iltaisin ei saa aikaa.');
	await form.getByLabel('Haluan vastauksen').check();
	await form.getByLabel(/^\s*Sähköposti/).fill(resident);
	await form.getByRole('button', { name: 'Lähetä palaute' }).click();
	await expect(form.getByRole('heading', { level: 1 })).toHaveText('Kiitos palautteestasi');
	const caseMail = await waitForMail(DEMO.feedback, 'Ylöjärven terveysasema', { since });
	const caseLink = /https?:\/\/\S+\/staff\/feedback\/cases\/[0-9a-f-]{36}/.exec(caseMail.text)![0];
	const theme = `Iltavastaanottoja toivotaan ${RUN}`;
	const handler = await asUser(browser, DEMO.feedback);
	await handler.goto('/staff/feedback/themes');
	await handler.getByLabel('Yksikkö').selectOption({ label: 'Ylöjärven terveysasema' });
	await handler.getByLabel('Aihe', { exact: true }).fill(theme);
	await handler.getByLabel('Palautteita, joissa aihe mainitaan').fill('6');
	// A line that is no case is refused next to the field.
	await handler.getByLabel(/^\s*Palautteet, joissa aihe mainitaan/).fill('ei linkki');
	await handler.getByRole('button', { name: 'Kirjaa aihe' }).click();
	await expect(handler.locator('#f-cases-error')).toContainText('Liitä yksikön palautteiden');
	await handler.getByLabel(/^\s*Palautteet, joissa aihe mainitaan/).fill(caseLink);
	await handler.getByRole('button', { name: 'Kirjaa aihe' }).click();
	await expect(handler.getByText('Aihe kirjattu.')).toBeVisible();

	// The admin moves both findings: each person gets a notice for their own finding.
	await openFinding(admin, finding);
	await setStatus(admin, 'Harkinnassa', 'Selvitämme iltavastaanoton kustannukset.');
	const toMember = await waitForMail(member, 'Osallistuit', { since });
	expect(toMember.text).toContain(finding);
	expect(toMember.text).toMatch(/\/sanoitte-teimme\/\d+#finding-\d+/);

	// The notice asks whether they felt heard: a form that works without JavaScript.
	const heardLink = /https?:\/\/\S+\/sanoitte-teimme\/heard\/[0-9a-f-]{36}\/\d+/.exec(
		toMember.text
	)![0];
	const q = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await q.goto(new URL(heardLink).pathname);
	await expect(
		q.getByRole('heading', { level: 1, name: 'Tuliko äänesi kuulluksi?' })
	).toBeVisible();
	const [none] = await Promise.all([
		q.waitForResponse((r) => r.request().method() === 'POST'),
		q.getByRole('button', { name: 'Lähetä vastaus' }).click()
	]);
	expect(none.status()).toBe(400);
	await expect(q.locator('#f-score-error')).toHaveText('Valitse yksi vaihtoehto 1–5.');
	await q.getByLabel('4 – hyvin').check();
	await q.getByRole('button', { name: 'Lähetä vastaus' }).click();
	await expect(q.getByText('Kiitos vastauksestasi.')).toBeVisible();
	// The activity's public page counts the answer in its felt-heard figure, still "< 5".
	const publicPage = /\/sanoitte-teimme\/\d+/.exec(toMember.text)![0];
	await q.goto(publicPage);
	await expect(q.getByRole('heading', { name: 'Kokivat tulleensa kuulluiksi' })).toBeVisible();
	await expect(q.locator('#heard')).toContainText('< 5 / < 5 vastaajaa vastasi 4 tai 5');
	// Someone else's activity with the same token: not found.
	const foreign = await q.goto(new URL(heardLink).pathname.replace(/\/\d+$/, '/1'));
	expect(foreign?.status()).toBe(404);

	await openFinding(admin, theme);
	await setStatus(admin, 'Päätetty', 'Iltavastaanotto alkaa keväällä.');
	const toResident = await waitForMail(resident, 'Osallistuit', { since });
	expect(toResident.text).toContain(theme);
	expect(toResident.text).not.toContain(finding);
});
