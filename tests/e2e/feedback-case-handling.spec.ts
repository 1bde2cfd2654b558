/**
 * Case handling on the handler's path (issue 11): the resident sends direct feedback (a receipt
 * mail in their language with the case number), the handler finds it with the list's filters,
 * assigns it, writes a staff-only note, and answers by e-mail or records a phone call. Once with
 * JavaScript off on both sides, once with it on.
 */
import { expect, test, type Browser } from './fixtures';
import { DEMO, signIn, waitForMail } from './helpers';

async function sendFeedback(
	browser: Browser,
	js: boolean,
	lang: 'fi' | 'sv',
	fill: { body: string; email?: string; phone?: string; kind: string }
) {
	const ctx = await browser.newContext({ javaScriptEnabled: js });
	const base = test.info().project.use.baseURL!;
	await ctx.addCookies([{ name: 'lang', value: lang, url: base }]);
	const form = await ctx.newPage();
	await form.goto('/feedback/direct?unit=tk-ylojarvi');
	await form.getByLabel(fill.kind).check();
	await form.getByLabel(lang === 'sv' ? 'Din respons' : 'Palautteesi').fill(fill.body);
	await form.getByLabel(lang === 'sv' ? 'Jag vill ha svar' : 'Haluan vastauksen').check();
	if (fill.email) await form.getByLabel(/^\s*(E-post|Sähköposti)/).fill(fill.email);
	if (fill.phone) await form.getByLabel(/^\s*(Telefonnummer|Puhelinnumero)/).fill(fill.phone);
	await form
		.getByRole('button', { name: lang === 'sv' ? 'Skicka responsen' : 'Lähetä palaute' })
		.click();
	await expect(form.getByRole('heading', { level: 1 })).toHaveText(
		lang === 'sv' ? 'Tack för din respons' : 'Kiitos palautteestasi'
	);
	await ctx.close();
}

for (const js of [false, true]) {
	test(`handler filters, assigns, notes and answers a case (JavaScript ${js ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const run = `${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;
		const resident = `asiakas-${run}@example.com`;
		const since = Date.now();
		await sendFeedback(browser, js, 'sv', {
			kind: 'Utvecklingsidé',
			body: `Fler bänkar i väntrummet ${run}`,
			email: resident
		});
		// The receipt, in Swedish, with the case number.
		const receipt = await waitForMail(resident, 'Din respons har tagits emot', { since });
		const number = /\(P-(\d+)\)/.exec(receipt.subject)?.[0].slice(1, -1);
		expect(number).toMatch(/^P-\d+$/);
		expect(receipt.text).toContain(`> Fler bänkar i väntrummet ${run}`);
		expect(receipt.text).toContain('Ylöjärvi');

		const ctx = await browser.newContext({ javaScriptEnabled: js });
		const page = await ctx.newPage();
		await signIn(page, DEMO.feedback);
		await page.goto('/staff/feedback/cases');
		await page.getByLabel('Tyyppi').selectOption({ label: 'Kehitysidea' });
		await page.getByLabel('Yksikkö').selectOption({ label: 'Ylöjärven terveysasema' });
		await page.getByLabel('Käsittelijä').selectOption({ label: 'Ei käsittelijää' });
		await page.getByRole('button', { name: 'Näytä', exact: true }).click();
		await expect(page).toHaveURL(/kind=idea/);
		const row = page.getByRole('row', { name: new RegExp(run) });
		await expect(row).toContainText(number!);
		// A complaint filter does not show the idea.
		await page.getByLabel('Tyyppi').selectOption({ label: 'Moite' });
		await page.getByRole('button', { name: 'Näytä', exact: true }).click();
		await expect(page.getByRole('row', { name: new RegExp(run) })).toHaveCount(0);
		await page.getByLabel('Tyyppi').selectOption({ label: 'Kehitysidea' });
		await page.getByRole('button', { name: 'Näytä', exact: true }).click();
		await page.getByRole('link', { name: new RegExp(run) }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(number!);

		await page.getByLabel('Osoita käsittelijälle').selectOption({ label: 'Pekka Palaute' });
		await page.getByRole('button', { name: 'Tallenna käsittelijä' }).click();
		await expect(page.getByText('Käsittelijä tallennettu.')).toBeVisible();

		await page.getByLabel('Uusi muistiinpano').fill('Tarkistan penkkien hinnat.');
		await page.getByRole('button', { name: 'Lisää muistiinpano' }).click();
		await expect(page.getByTestId('case-notes')).toContainText('Tarkistan penkkien hinnat.');
		await expect(page.getByTestId('case-notes')).toContainText('Pekka Palaute');
		// An empty note is refused with the field's message, nothing added.
		await page.getByRole('button', { name: 'Lisää muistiinpano' }).click();
		await expect(page.getByTestId('case-notes').getByRole('listitem')).toHaveCount(1);

		await page.getByLabel('Vastaus', { exact: true }).fill('Lisäämme penkkejä tammikuussa.');
		await page.getByRole('button', { name: 'Lähetä vastaus ja sulje' }).click();
		await expect(page.getByText('Vastaus lähetetty ja palaute suljettu.')).toBeVisible();
		const reply = await waitForMail(resident, 'Svar på din respons', { since });
		expect(reply.subject).toContain(number!);
		expect(reply.text).toContain('Lisäämme penkkejä tammikuussa.');
		expect(reply.text).toContain(`> Fler bänkar i väntrummet ${run}`);

		// Mine, closed: the filter finds it; the resident never sees the note.
		await page.goto('/staff/feedback/cases?status=closed&assignee=me');
		await expect(page.getByRole('row', { name: new RegExp(run) })).toContainText('Pekka Palaute');
		expect(reply.text).not.toContain('penkkien hinnat');
		await ctx.close();
	});

	test(`a resident who asked to be called gets a recorded phone reply (JavaScript ${js ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const run = `${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;
		await sendFeedback(browser, js, 'fi', {
			kind: 'Moite',
			body: `Soittakaa minulle ${run}`,
			phone: '040 123 9876'
		});
		const ctx = await browser.newContext({ javaScriptEnabled: js });
		const page = await ctx.newPage();
		await signIn(page, DEMO.feedback);
		await page.goto('/staff/feedback/cases?kind=complaint');
		await page.getByRole('link', { name: new RegExp(run) }).click();
		await expect(page.getByRole('link', { name: '040 123 9876' })).toBeVisible();
		// No address: no e-mail answer form, only the phone reply.
		await expect(page.getByRole('button', { name: 'Lähetä vastaus ja sulje' })).toHaveCount(0);
		await page.getByRole('button', { name: 'Kirjaa puhelu ja sulje' }).click();
		await expect(page.locator('#f-summary-error')).toBeVisible();
		await page
			.getByLabel('Mitä puhelussa sovittiin')
			.fill('Pahoittelin ja kerroin uudesta ajanvarauksesta.');
		await page.getByRole('button', { name: 'Kirjaa puhelu ja sulje' }).click();
		await expect(page.getByText('Puhelu kirjattu ja palaute suljettu.')).toBeVisible();
		await page.reload();
		await expect(page.getByTestId('case-status')).toHaveText('Suljettu');
		await expect(page.getByTestId('case-answer')).toHaveText(
			'Pahoittelin ja kerroin uudesta ajanvarauksesta.'
		);
		await ctx.close();
	});
}

test('a bad filter value is a 400 with a message, not a 500', async ({ page }) => {
	await signIn(page, DEMO.feedback);
	const res = await page.goto('/staff/feedback/cases?from=2026-02-30');
	expect(res?.status()).toBe(400);
	const res2 = await page.goto('/staff/feedback/cases?kind=spam');
	expect(res2?.status()).toBe(400);
});
