/**
 * SMS surveys after a visit, in the browser and over the real HTTP API: a source system reports
 * visits with the demo token (idempotent; bad input refused naming the field, nothing stored);
 * the staff page shows the visits and the count excluded by each rule; a CSV drop with a bad
 * row is refused naming the row, without JavaScript; the admin adds a source and sees its token
 * once. (The sending job, the gateway and text replies are covered over loopback HTTP in
 * tests/integration/feedback/sms-surveys.spec.ts.)
 */
import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

const received = async (page: import('@playwright/test').Page) =>
	Number(
		(await page.getByTestId('sms-flow').locator('tr').first().locator('td').innerText()).replace(
			/\D/g,
			''
		)
	);

test('visits come in through the API and show on the staff page with the exclusion counts', async ({
	page,
	request
}) => {
	await signIn(page, DEMO.feedback);
	await page.goto('/staff/feedback/sms');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Tekstiviestikyselyt käynnin jälkeen'
	);
	const excluded = page.getByTestId('sms-excluded');
	await expect(excluded.locator('tr[data-reason="minor"] td')).not.toHaveText('0');
	const before = await received(page);
	const nd = Number(
		await excluded
			.locator('tr[data-reason="non_disclosure"] td')
			.innerText()
			.then((s) => s.replace(/\D/g, ''))
	);

	const id = `e2e-${Date.now()}`;
	const visitedAt = new Date(Date.now() - 3_600_000).toISOString();
	const unit = 'tk-hervanta';
	const body = {
		visits: [
			{ id: `${id}-a`, unit, visitedAt, phone: '040 000 0001', ageBand: '25-44', language: 'fi' },
			{
				id: `${id}-b`,
				unit,
				visitedAt,
				phone: '040 000 0002',
				ageBand: '65-74',
				nonDisclosure: true
			}
		]
	};
	const headers = { authorization: 'Bearer demo-visit-token' };
	const wrong = await request.post('/api/feedback/visits', {
		data: body,
		headers: { authorization: 'Bearer wrong' }
	});
	expect(wrong.status()).toBe(401);
	const ok = await request.post('/api/feedback/visits', { data: body, headers });
	expect(ok.status(), await ok.text()).toBe(201);
	expect(await ok.json()).toMatchObject({ stored: 2, excluded: 1 });
	const again = await request.post('/api/feedback/visits', { data: body, headers });
	expect(again.status()).toBe(200);
	const bad = await request.post('/api/feedback/visits', {
		data: { ...body.visits[0], id: `${id}-c`, unit: 'no-such-unit' },
		headers
	});
	expect(bad.status()).toBe(400);
	expect((await bad.json()).problems[0]).toMatchObject({
		field: 'unit',
		message: 'Yksikköä ei tunneta.'
	});

	await page.reload();
	expect(await received(page)).toBe(before + 2);
	await expect(excluded.locator('tr[data-reason="non_disclosure"] td')).toHaveText(String(nd + 1));
	await expect(page.getByTestId('sms-rates')).toBeVisible();
});

test('a CSV drop with a bad row is refused naming the row, without JavaScript', async ({
	browser
}) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await signIn(page, DEMO.feedback);
	await page.goto('/staff/feedback/sms');
	const at = new Date(Date.now() - 3_600_000).toISOString();
	const csv = `visit_id;unit_code;visited_at;phone;age_band\ncsv-e2e-${Date.now()};tk-hervanta;${at};0400000003;25-44\ncsv-e2e-x;tk-hervanta;${at};12;25-44\n`;
	await page.getByLabel('CSV-tiedosto').setInputFiles({
		name: 'visits.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await page.getByRole('button', { name: 'Lataa käynnit' }).click();
	await expect(page.getByRole('alert')).toContainText('Rivi 3, kenttä phone:');
	await ctx.close();
});

test('the admin adds a visit source and sees its token once', async ({ page }) => {
	await signIn(page, DEMO.admin);
	await page.goto('/admin/feedback/sources');
	// Fill only once the page runs: hydration resets bound fields typed into before it.
	await page.waitForLoadState('networkidle');
	const code = `src-${Date.now()}`;
	await page.getByLabel('Tunnus').fill(code);
	await page.getByLabel('Nimi').fill('Asiakastietojärjestelmä');
	await page.getByRole('button', { name: 'Lisää ja näytä tunniste' }).click();
	await expect(page.getByTestId('source-token')).toHaveText(/^[a-z2-7]{32}$/);
	await expect(page.getByRole('cell', { name: code })).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('source-token')).toHaveCount(0);
});
