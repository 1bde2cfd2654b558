/**
 * Feedback channels end to end: the web form without JavaScript, the QR link, the kiosk with
 * an answer given offline and sent later, the SMS endpoint and the CSV import. Each answer
 * carries a unique open text that is then looked up in the staff CSV export.
 */
import { expect, test, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

const run = Date.now().toString(36);

async function exportedRows(page: Page): Promise<string[]> {
	const res = await page.request.get('/staff/feedback/export');
	expect(res.status()).toBe(200);
	return (await res.text()).split('\r\n');
}

async function expectExported(page: Page, text: string, channel: string, times = 1) {
	const rows = (await exportedRows(page)).filter((r) => r.includes(text));
	expect(rows).toHaveLength(times);
	// The export is for Excel: semicolons, and the channel by its name.
	const names: Record<string, string> = {
		web: 'Verkkolomake',
		qr: 'QR-koodi',
		kiosk: 'Palautepiste',
		sms: 'Tekstiviesti',
		import: 'Tuonti (CSV)'
	};
	for (const r of rows) expect(r.split(';')[4]).toBe(names[channel]);
}

test('web form works without JavaScript, explains errors and masks phone numbers', async ({
	browser
}) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await page.goto('/feedback');
	await page.getByRole('link', { name: 'Hervannan terveysasema' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hervannan terveysasema');
	// Sending without the required recommendation question: a clear error, nothing stored.
	await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
	await expect(page.getByRole('alert')).toContainText('Vastauksessa on virheitä');
	await expect(page.getByText('Vastaa tähän kysymykseen.')).toBeVisible();
	const nps = page.getByRole('group', { name: /suosittelisit/ });
	await nps.getByLabel('9', { exact: true }).check();
	await page
		.getByRole('group', { name: /Asiointi palvelussa oli sujuvaa/ })
		.getByLabel('Täysin samaa mieltä')
		.check();
	await page
		.getByRole('group', { name: /Sain apua/ })
		.getByLabel('En osaa sanoa')
		.check();
	await page.getByLabel(/Mikä vaikutti kokemukseesi eniten/).fill(`web-${run} soita 040 123 4567`);
	await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiitos vastauksestasi');
	await ctx.close();

	const staff = await browser.newPage();
	await signIn(staff, DEMO.admin);
	const rows = (await exportedRows(staff)).filter((r) => r.includes(`web-${run}`));
	expect(rows).toHaveLength(1);
	expect(rows[0]).toContain('[puhelinnumero]');
	expect(rows[0]).not.toContain('040 123 4567');
	const cells = rows[0].split(';');
	expect(cells[4]).toBe('Verkkolomake');
	expect(cells[7]).toBe('9');
	// "dk" is written as the answer's words, as on the form.
	expect(cells).toContain('En osaa sanoa');
});

test('the QR poster links to the form and marks the answer as QR', async ({ page }) => {
	await page.goto('/feedback/qr/koti-tampere');
	await expect(page.locator('.qr svg')).toBeVisible();
	const href = await page.getByTestId('qr-link').getAttribute('href');
	expect(href).toMatch(/\/feedback\/koti-tampere\?c=qr$/);
	const poster = await page.request.get('/feedback/qr/koti-tampere/poster.svg');
	expect(poster.headers()['content-type']).toContain('image/svg+xml');
	expect(await poster.text()).toContain('<svg');
	// Printed on A4 nothing is cut: every line of text lies inside the 210 mm wide sheet.
	const sheet = await page.context().newPage();
	await sheet.goto('/feedback/qr/koti-tampere/poster.svg');
	const boxes = await sheet.evaluate(() =>
		[...document.querySelectorAll('text')].map((t) => {
			const b = (t as SVGTextElement).getBBox();
			return { text: t.textContent, left: b.x, right: b.x + b.width };
		})
	);
	expect(boxes.length).toBeGreaterThan(3);
	for (const b of boxes) {
		expect(b.left, b.text ?? '').toBeGreaterThanOrEqual(0);
		expect(b.right, b.text ?? '').toBeLessThanOrEqual(210);
	}
	await sheet.close();
	// Scan-free: follow the link the code encodes.
	await page.goto(new URL(href!).pathname + new URL(href!).search);
	await page
		.getByRole('group', { name: /suosittelisit/ })
		.getByLabel('10', { exact: true })
		.check();
	await page.getByLabel(/Mikä vaikutti/).fill(`qr-${run}`);
	await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiitos vastauksestasi');
	await signIn(page, DEMO.admin);
	await expectExported(page, `qr-${run}`, 'qr');
});

async function answerKiosk(page: Page, text: string) {
	await page.getByRole('button', { name: 'Aloita' }).click();
	await page.getByRole('button', { name: '8', exact: true }).click();
	for (let i = 0; i < 6; i++)
		await page.getByRole('button', { name: 'Jokseenkin samaa mieltä' }).click();
	await page.getByLabel(/Mikä vaikutti/).fill(text);
	await page.getByRole('button', { name: 'Lähetä' }).click();
	await expect(page.getByRole('heading', { name: 'Kiitos vastauksestasi!' })).toBeVisible();
}

test('kiosk: large-button answers, resets itself, queues offline and sends later', async ({
	page,
	context
}) => {
	await page.goto('/feedback/kiosk/palveluasuminen-nokia');
	// A kiosk: no site header, navigation, footer or sign-in link to wander off to.
	await expect(page.locator('header.site-header, footer.site-footer')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Kirjaudu' })).toHaveCount(0);
	await answerKiosk(page, `kiosk-online-${run}`);
	await expect(page.getByTestId('kiosk-queued')).toHaveText('Kaikki vastaukset on tallennettu.');
	// It returns to the start screen by itself.
	await expect(page.getByRole('button', { name: 'Aloita' })).toBeVisible({ timeout: 10_000 });

	await context.setOffline(true);
	await answerKiosk(page, `kiosk-offline-${run}`);
	await expect(page.getByTestId('kiosk-queued')).toHaveText(/^1 vastaus odottaa lähetystä/);
	await expect(page.getByText('Ei verkkoyhteyttä')).toBeVisible();
	await context.setOffline(false);
	await expect(page.getByTestId('kiosk-queued')).toHaveText('Kaikki vastaukset on tallennettu.', {
		timeout: 15_000
	});

	const staff = await context.browser()!.newPage();
	await signIn(staff, DEMO.admin);
	await expectExported(staff, `kiosk-online-${run}`, 'kiosk');
	await expectExported(staff, `kiosk-offline-${run}`, 'kiosk');
});

test('kiosk: the 0–10 scale fits one row on a tablet, and focus follows each new question', async ({
	page
}) => {
	for (const size of [
		{ width: 768, height: 1024 },
		{ width: 1280, height: 800 }
	]) {
		await page.setViewportSize(size);
		await page.goto('/feedback/kiosk/palveluasuminen-nokia');
		await page.getByRole('button', { name: 'Aloita' }).click();
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toBeFocused();
		const scale = page.getByRole('group').getByRole('button');
		await expect(scale).toHaveCount(11);
		const boxes = await scale.evaluateAll((els) =>
			els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, width: r.width }))
		);
		expect(new Set(boxes.map((b) => Math.round(b.top))).size, `one row at ${size.width}px`).toBe(1);
		// Large enough for a finger (WCAG 2.5.5's 44 px).
		for (const b of boxes) expect(b.width).toBeGreaterThanOrEqual(44);
		const first = await heading.textContent();
		await page.getByRole('button', { name: '8', exact: true }).click();
		await expect(heading).not.toHaveText(first ?? '');
		await expect(heading).toBeFocused();
		// Back returns to the scale's question with focus on it too.
		await page.getByRole('button', { name: 'Edellinen' }).click();
		await expect(heading).toHaveText(first ?? '');
		await expect(heading).toBeFocused();
	}
});

test('kiosk: one answer the server refuses does not cost the rest of the offline queue', async ({
	page,
	context
}) => {
	await page.goto('/feedback/kiosk/palveluasuminen-nokia');
	// The page must be running (hydrated) before the network goes, or its buttons do nothing.
	await page.waitForLoadState('networkidle');
	await context.setOffline(true);
	await answerKiosk(page, `kiosk-queue-a-${run}`);
	await expect(page.getByRole('button', { name: 'Aloita' })).toBeVisible({ timeout: 10_000 });
	await answerKiosk(page, `kiosk-queue-b-${run}`);
	await expect(page.getByTestId('kiosk-queued')).toHaveText(/^2 vastausta odottaa lähetystä/);
	// An answer the server will refuse (as one kept from an older version of the page might be)
	// waits in the queue between the two good ones.
	await page.evaluate((text) => {
		const key = 'osallistu.feedback.kiosk.queue';
		const queue = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[];
		queue.splice(1, 0, {
			clientId: `kiosk-bad-${Date.now()}`,
			unit: 'palveluasuminen-nokia',
			channel: 'kiosk',
			answers: { nps: 12, open: text },
			answeredAt: new Date().toISOString()
		});
		localStorage.setItem(key, JSON.stringify(queue));
	}, `kiosk-queue-bad-${run}`);
	await context.setOffline(false);
	await expect(page.getByTestId('kiosk-queued')).toHaveText('Kaikki vastaukset on tallennettu.', {
		timeout: 15_000
	});

	const staff = await context.browser()!.newPage();
	await signIn(staff, DEMO.admin);
	await expectExported(staff, `kiosk-queue-a-${run}`, 'kiosk');
	await expectExported(staff, `kiosk-queue-b-${run}`, 'kiosk');
	await expectExported(staff, `kiosk-queue-bad-${run}`, 'kiosk', 0);
});

test('SMS gateway endpoint: token required, three answers at most, stored once', async ({
	page,
	request
}) => {
	const body = { messageId: `e2e-${run}`, unit: 'tk-hervanta', answers: [7, 3, `sms-${run}`] };
	expect((await request.post('/api/feedback/sms', { data: body })).status()).toBe(401);
	const auth = { authorization: 'Bearer demo-sms-token' };
	expect((await request.post('/api/feedback/sms', { data: body, headers: auth })).status()).toBe(
		201
	);
	const again = await request.post('/api/feedback/sms', { data: body, headers: auth });
	expect(again.status()).toBe(200);
	expect(await again.json()).toEqual({ stored: 0, duplicates: 1 });
	const tooMany = await request.post('/api/feedback/sms', {
		data: { ...body, messageId: `e2e-${run}-2`, answers: [1, 2, 'x', 4] },
		headers: auth
	});
	expect(tooMany.status()).toBe(400);
	expect((await tooMany.json()).message).toContain('Vastauksessa on virheitä');
	await signIn(page, DEMO.admin);
	await expectExported(page, `sms-${run}`, 'sms');
});

test('CSV import by a feedback handler: scoped, all or nothing, idempotent', async ({ page }) => {
	await signIn(page, DEMO.feedback);
	await page.goto('/staff/feedback/import');
	const good = `client_id,unit_code,answered_at,nps,s1,open\n${run}-1,tk-hervanta,,9,5,csv-${run}\n${run}-2,tk-hervanta,,2,1,csv-${run}\n`;
	const upload = async (csv: string) => {
		await page
			.getByLabel('CSV-tiedosto')
			.setInputFiles({ name: 'vastaukset.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByRole('button', { name: 'Tuo' }).click();
	};
	// A unit outside the handler's service line: rejected, nothing stored.
	await upload(good + `${run}-3,tays-sydan,,5,,\n`);
	await expect(page.getByRole('alert')).toContainText('Rivi 4');
	await upload(good);
	await expect(page.getByRole('status').filter({ hasText: 'Tallennettu' })).toContainText(
		'Tallennettu 2 vastausta, 0'
	);
	await upload(good);
	await expect(page.getByRole('status').filter({ hasText: 'Tallennettu' })).toContainText(
		'Tallennettu 0 vastausta, 2'
	);
	await expectExported(page, `csv-${run}`, 'import', 2);
});
