/**
 * Direct feedback with a reply request (handler mail → answer in the portal → resident mail →
 * closed) and the public NPS pages (threshold, and a figure checked by hand).
 */
import { expect, test } from './fixtures';
import { DEMO, firstLink, signIn, waitForMail } from './helpers';

test('reply-requested feedback mails the handler, is answered and closed', async ({
	page,
	browser
}) => {
	const resident = `asiakas-${Date.now()}@example.com`;
	// Other tests also send feedback about units of this handler: only mail from now on counts.
	const since = Date.now();
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const form = await ctx.newPage();
	await form.goto('/feedback/direct?unit=tk-ylojarvi');
	await form.getByLabel('Moite').check();
	await form.getByLabel('Palautteesi').fill('Ajanvaraus ei vastannut. Puhelimeni 040 765 4321.');
	await form.getByLabel('Haluan vastauksen').check();
	// Asking for a reply without an address: a clear error next to the field.
	await form.getByRole('button', { name: 'Lähetä palaute' }).click();
	await expect(
		form.getByText('Anna sähköpostiosoite tai puhelinnumero, jotta voimme vastata.')
	).toBeVisible();
	await form.getByLabel(/^\s*Sähköposti/).fill(resident);
	await form.getByRole('button', { name: 'Lähetä palaute' }).click();
	await expect(form.getByRole('heading', { level: 1 })).toHaveText('Kiitos palautteestasi');
	await ctx.close();

	const mail = await waitForMail(DEMO.feedback, 'Ylöjärven terveysasema', { since });
	expect(mail.subject).toContain('Uusi palaute odottaa vastausta');
	expect(mail.text).not.toContain(resident);
	await signIn(page, DEMO.feedback);
	await page.goto(firstLink(mail.text));
	await expect(page.getByText('[puhelinnumero]')).toBeVisible();
	await expect(page.getByText('040 765 4321')).toHaveCount(0);
	await expect(page.getByTestId('case-status')).toHaveText('Odottaa vastausta');
	await page.getByLabel('Vastaus', { exact: true }).fill('Kiitos. Korjasimme ajanvarauksen.');
	await page.getByRole('button', { name: 'Lähetä vastaus ja sulje' }).click();
	await expect(page.getByText('Vastaus lähetetty ja palaute suljettu.')).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('case-status')).toHaveText('Suljettu');
	const reply = await waitForMail(resident, 'Vastaus palautteeseesi');
	expect(reply.text).toContain('Kiitos. Korjasimme ajanvarauksen.');

	// Staff without the feedback handler role for the unit cannot open the case.
	const other = await browser.newPage();
	await signIn(other, DEMO.staff);
	const res = await other.goto(firstLink(mail.text));
	expect(res?.status()).toBe(403);
});

test('public NPS page shows a figure only at the threshold, and it matches a hand count', async ({
	page,
	request
}) => {
	// tk-ylojarvi has no demo answers. 30 answers: 15 promoters (9–10), 9 passives (7–8),
	// 6 detractors (0–6) → NPS = 15/30 − 6/30 = 50 % − 20 % = +30.
	// 95 % CI: var = 0.5 + 0.2 − 0.3² = 0.61, se = √(0.61/30) = 0.1426 → 30 ± 27.9 → +2.1 … +57.9.
	const scores = [
		10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 9, 9, 9, 9, 9, 8, 8, 8, 8, 8, 7, 7, 7, 7, 6, 6, 6, 0, 0,
		0
	];
	const run = Date.now().toString(36);
	const responses = scores.map((nps, i) => ({
		clientId: `hand-${run}-${i}`,
		unit: 'tk-ylojarvi',
		channel: 'web',
		answers: { nps }
	}));
	const first = await request.post('/api/feedback/responses', {
		data: { responses: responses.slice(0, 29) }
	});
	expect(first.status()).toBe(201);
	await page.goto('/nps/outpatient/tk-ylojarvi');
	await expect(page.getByTestId('nps-last30-hidden')).toContainText('Vastauksia on alle 30');
	await expect(page.getByTestId('nps-last30')).toHaveCount(0);

	await request.post('/api/feedback/responses', { data: responses[29] });
	await page.reload();
	await expect(page.getByTestId('nps-last30')).toHaveText(/\+30,0$/);
	await expect(page.getByText('Vastanneita: 30').first()).toBeVisible();
	// Said in plain words, in whole numbers: +2.1 … +57.9 → "todennäköisesti 2–58".
	await expect(page.getByText('Luku on arvio: todennäköisesti 2–58.').first()).toBeVisible();
	await expect(
		page.getByText('Suosittelijoita 15, neutraaleja 9, arvostelijoita 6.').first()
	).toBeVisible();

	// The line page lists units; the demo unit with 10 answers shows no figure.
	await page.goto('/nps/outpatient');
	const row = page.getByRole('row', { name: /Suun terveydenhuolto/ });
	await expect(row).toContainText('liian vähän vastauksia');
	await expect(page.getByRole('row', { name: /Ylöjärven terveysasema/ })).toContainText('+30');
	await page.goto('/nps');
	await expect(page.getByText('kuvitteellisia')).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Mikä on suositteluindeksi (NPS)?' })
	).toBeVisible();
});
