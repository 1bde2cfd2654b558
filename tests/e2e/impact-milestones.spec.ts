/**
 * Issue 12, a decision's milestones on the user's path: a coordinator adds dated milestones to a
 * decision on /staff/impact/decisions (without JavaScript and with it; a date before the decision
 * or an empty title refused with a 4xx by the field, a forged post by staff who is no
 * coordinator 403), and the public activity page shows them on the linked finding's timeline.
 * A milestone is corrected on its own page (without JavaScript and with it; a future date refused)
 * and removed, and the open-data export lists the corrected one.
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

const RUN = Date.now().toString(36);
const WORKSHOP = `Työpaja iltavastaanotoista ${RUN}`;
const FINDING = `Iltavastaanottoja tarvitaan ${RUN}`;
const DECISION = `Iltavastaanotot kokeiluun ${RUN}`;
const M1 = `Kokeilu alkoi Nokialla ${RUN}`;
const M2 = `Kokeilu laajeni Ylöjärvelle ${RUN}`;
const M1B = `Kokeilu alkoi Nokialla ja Pirkkalassa ${RUN}`;
const M3 = `Kirjattu väärin ${RUN}`;

async function asUser(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signIn(page, email);
	return page;
}

test('a coordinator adds milestones to a decision and the public page shows them on the timeline', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const admin = await asUser(browser, DEMO.admin);

	// A hand-entered workshop with one finding, and a decision it is linked to.
	await admin.goto('/staff/impact/activities');
	await admin.getByLabel('Aihe', { exact: true }).fill(WORKSHOP);
	await admin.getByLabel('Alkupäivä').fill('2026-11-10');
	await admin
		.getByLabel(/^\s*Havainnot/)
		.first()
		.fill(FINDING);
	await admin.getByRole('button', { name: 'Tallenna osallistuminen' }).click();
	await expect(admin.getByText('Osallistuminen tallennettiin (1 havaintoa).')).toBeVisible();
	await admin.reload();
	const publicPath = await admin.getByRole('link', { name: WORKSHOP }).getAttribute('href');

	await admin.goto('/staff/impact/decisions');
	await admin.getByLabel('Otsikko suomeksi').fill(DECISION);
	await admin.getByLabel(/^\s*Päätöspäivä/).fill('2026-11-15');
	await admin.getByRole('button', { name: 'Lisää päätös' }).click();
	await expect(admin.getByText('Päätös lisätty.')).toBeVisible();

	await expect(async () => {
		await admin.goto(`/staff/impact?q=${encodeURIComponent(FINDING.slice(0, 20))}`);
		await expect(admin.getByRole('link', { name: FINDING })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await admin.getByRole('link', { name: FINDING }).click();
	await admin.waitForLoadState('networkidle');
	await admin.locator('#f-decisionId').selectOption({ label: DECISION });
	await admin.getByRole('button', { name: 'Tallenna päätös' }).click();
	await expect(admin.getByText('Päätös tallennettu.')).toBeVisible();

	// Without JavaScript: a date before the decision is refused by the field, then stored.
	const nojs = await asUser(browser, DEMO.admin, false);
	await nojs.goto('/staff/impact/decisions');
	await nojs.locator('#f-m-decision').selectOption({ label: DECISION });
	await nojs.getByLabel('Välitavoite suomeksi').fill(M1);
	await nojs.getByLabel('Saavutettu').fill('2026-11-01');
	const [bad] = await Promise.all([
		nojs.waitForResponse((r) => r.request().method() === 'POST'),
		nojs.getByRole('button', { name: 'Lisää välitavoite' }).click()
	]);
	expect(bad.status()).toBe(400);
	await expect(nojs.locator('#f-reachedOn-error')).toHaveText(
		'Välitavoite ei voi olla ennen päätöspäivää.'
	);
	await nojs.locator('#f-m-decision').selectOption({ label: DECISION });
	await nojs.getByLabel('Välitavoite suomeksi').fill(M1);
	await nojs.getByLabel('Saavutettu').fill('2026-11-20');
	await nojs.getByRole('button', { name: 'Lisää välitavoite' }).click();
	await expect(nojs.getByText('Välitavoite lisätty.')).toBeVisible();

	// With JavaScript: an empty title is refused by the field, then the second milestone (today).
	await admin.goto('/staff/impact/decisions');
	await admin.waitForLoadState('networkidle');
	await admin.locator('#f-m-decision').selectOption({ label: DECISION });
	await admin.getByRole('button', { name: 'Lisää välitavoite' }).click();
	await expect(admin.locator('#f-milestoneFi-error')).toBeVisible();
	await admin.getByLabel('Välitavoite suomeksi').fill(M2);
	await admin.getByRole('button', { name: 'Lisää välitavoite' }).click();
	await expect(admin.getByText('Välitavoite lisätty.')).toBeVisible();
	await admin.reload();
	const row = admin.getByRole('row', { name: new RegExp(DECISION) });
	await expect(row.getByText(M1)).toBeVisible();
	await expect(row.getByText(M2)).toBeVisible();

	// Staff who is no coordinator sees no form, and a forged post is refused.
	const staff = await asUser(browser, DEMO.staff);
	await staff.goto('/staff/impact/decisions');
	await expect(staff.getByRole('button', { name: 'Lisää välitavoite' })).toHaveCount(0);
	const forged = await staff.request.post('/staff/impact/decisions?/milestone', {
		headers: { origin: new URL(staff.url()).origin, accept: 'text/html' },
		form: { decisionId: '1', milestoneFi: `Väärennetty ${RUN}`, reachedOn: '2026-11-20' }
	});
	expect(forged.status()).toBe(403);

	// The public page, without JavaScript: both milestones on the finding's timeline, in order.
	const pub = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await pub.goto(publicPath!);
	const timeline = pub.locator('section.finding', { hasText: FINDING }).locator('ol.timeline');
	await expect(timeline.locator('li.milestone')).toHaveText([
		new RegExp(`Välitavoite – ${M1}`),
		new RegExp(`Välitavoite – ${M2}`)
	]);
	await expect(pub.getByText(`Väärennetty ${RUN}`)).toHaveCount(0);

	// Corrected without JavaScript: a future date is refused by the field, then the text changes.
	await nojs.goto('/staff/impact/decisions');
	await nojs.getByRole('link', { name: `Muokkaa: ${M1}` }).click();
	await expect(nojs.getByRole('heading', { level: 1 })).toHaveText('Muokkaa välitavoitetta');
	const editPath = new URL(nojs.url()).pathname;
	await nojs.getByLabel('Välitavoite suomeksi').fill(M1B);
	await nojs.getByLabel('Saavutettu').fill('2099-01-01');
	const [future] = await Promise.all([
		nojs.waitForResponse((r) => r.request().method() === 'POST'),
		nojs.getByRole('button', { name: 'Tallenna välitavoite' }).click()
	]);
	expect(future.status()).toBe(400);
	await expect(nojs.locator('#f-reachedOn-error')).toBeVisible();
	await nojs.getByLabel('Välitavoite suomeksi').fill(M1B);
	await nojs.getByLabel('Saavutettu').fill('2026-11-21');
	await nojs.getByRole('button', { name: 'Tallenna välitavoite' }).click();
	await expect(nojs.getByText('Välitavoite tallennettu.')).toBeVisible();
	// Staff who is no coordinator may not open it, nor post to it.
	expect((await staff.goto(editPath))!.status()).toBe(403);
	const forgedEdit = await staff.request.post(`${editPath}?/remove`, {
		headers: { origin: new URL(staff.url()).origin, accept: 'text/html' },
		form: {}
	});
	expect(forgedEdit.status()).toBe(403);

	// With JavaScript: a third milestone, entered by mistake, is removed from its page.
	await admin.goto('/staff/impact/decisions');
	await admin.waitForLoadState('networkidle');
	await admin.locator('#f-m-decision').selectOption({ label: DECISION });
	await admin.getByLabel('Välitavoite suomeksi').fill(M3);
	await admin.getByRole('button', { name: 'Lisää välitavoite' }).click();
	await expect(admin.getByText('Välitavoite lisätty.')).toBeVisible();
	await admin.reload();
	await admin.getByRole('link', { name: `Muokkaa: ${M3}` }).click();
	await admin.getByRole('button', { name: 'Poista välitavoite' }).click();
	await expect(admin.getByText('Välitavoite poistettu.')).toBeVisible();
	await expect(admin.getByText(M3)).toHaveCount(0);

	await pub.goto(publicPath!);
	await expect(
		pub.locator('section.finding', { hasText: FINDING }).locator('li.milestone')
	).toHaveText([new RegExp(`Välitavoite – ${M1B}`), new RegExp(`Välitavoite – ${M2}`)]);
	const csv = await (await pub.request.get('/sanoitte-teimme/data/milestones.csv')).text();
	expect(csv).toContain(`2026-11-21,${M1B}`);
	expect(csv).not.toContain(M3);
	const json = await (await pub.request.get('/sanoitte-teimme/data/impact.json')).json();
	expect(json.milestones.map((m: { title_fi: string }) => m.title_fi)).toContain(M2);
});
