/**
 * Fees end to end, with JavaScript on and off: an admin adds a rate on /admin/fees; an
 * overlapping validity and a negative rate are refused with a clear Finnish message (400
 * without JavaScript) and change nothing; a person sees only their own fee rows on
 * /account/fees (another demo account's chair fees are in the same database) with totals that
 * equal a hand count, reports a correction, and the admin sees it; the payroll CSV is
 * Excel-friendly and a bad month is a 400.
 */
import { expect, test, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

const scheduleRows = (page: Page) => page.locator('section[aria-labelledby="schedule-h"] tbody tr');

async function submitRate(
	page: Page,
	js: boolean,
	v: { kind: string; euros: string; from: string; to: string }
) {
	await page.locator('#f-kind').selectOption({ label: v.kind });
	await page.locator('#f-euros').fill(v.euros);
	await page.locator('#f-validFrom').fill(v.from);
	await page.locator('#f-validTo').fill(v.to);
	const answer = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Lisää hinta' }).click();
	const status = (await answer).status();
	if (!js) await page.waitForLoadState();
	return status;
}

for (const js of [true, false]) {
	test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });
		// A year of its own per run, so reruns on one database do not overlap each other.
		const year = 2100 + Math.floor(Math.random() * 7000);

		test('admin schedule: a rate is added; overlap and negative are refused, nothing changes', async ({
			page
		}) => {
			await signIn(page, DEMO.admin);
			await page.goto('/admin/fees');
			const before = await scheduleRows(page).count();
			expect(
				await submitRate(page, js, {
					kind: 'Kilometrikorvaus',
					euros: '0,57',
					from: `${year}-01-01`,
					to: `${year}-12-31`
				})
			).toBeLessThan(400);
			await expect(page.getByText('Hinta lisätty.')).toBeVisible();
			if (js) await page.reload();
			await expect(scheduleRows(page)).toHaveCount(before + 1);
			await expect(scheduleRows(page).filter({ hasText: `1.1.${year}` })).toContainText('0,57 €');

			// Overlapping validity for the same kind.
			const overlap = await submitRate(page, js, {
				kind: 'Kilometrikorvaus',
				euros: '0,60',
				from: `${year}-06-01`,
				to: ''
			});
			if (!js) expect(overlap).toBe(400);
			await expect(
				page.getByRole('status').getByText(/Saman lajin hinta on jo voimassa/)
			).toContainText(
				// The other language's run may have added its own year first: either period is named.
				/1\.1\.\d{4}–31\.12\.\d{4}/
			);
			// A negative rate.
			const negative = await submitRate(page, js, {
				kind: 'Tuntipalkkio',
				euros: '-5',
				from: `${year + 1}-01-01`,
				to: ''
			});
			if (!js) expect(negative).toBe(400);
			await expect(page.locator('#f-euros-error')).toHaveText('Hinta ei voi olla negatiivinen.');
			await expect(page.getByLabel('Hinta euroina')).toHaveValue('-5');
			await page.goto('/admin/fees');
			await expect(scheduleRows(page)).toHaveCount(before + 1);
		});

		test('own fees only, totals by hand count, a correction reaches the admin', async ({
			browser
		}) => {
			const resident = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
			await signIn(resident, DEMO.resident);
			await resident.goto('/account/fees');
			const rows = resident.getByTestId('fee-row');
			const euroCents = (s: string) =>
				Math.round(Number(s.replace(/[^\d,-]/g, '').replace(',', '.')) * 100);
			// The fees demo's own rows: two member fees (60 €), 24 km × 0,55, a 4,80 ticket,
			// 2,5 h × 25 = 200,50 €. (The panels and councils demos pay this resident too.)
			const fromFeesDemo = rows.filter({
				hasText: /Avopalvelujen asiakasraati, kokous|Kokemusasiantuntija: ajanvarauksen testaus/
			});
			await expect(fromFeesDemo.filter({ hasNotText: 'oikaisu' })).toHaveCount(5);
			const demoCents = (await fromFeesDemo.locator('td:nth-child(6)').allInnerTexts())
				.map(euroCents)
				.reduce((a, b) => a + b, 0);
			// Not the other payee's chair fees (the councils flow may have made this resident a chair).
			await expect(fromFeesDemo.filter({ hasText: 'Kokouspalkkio, puheenjohtaja' })).toHaveCount(0);
			// The year totals are the sum of every row shown, by hand.
			const shown = (await rows.locator('td:nth-child(6)').allInnerTexts())
				.map(euroCents)
				.reduce((a, b) => a + b, 0);
			const totals = (await resident.getByTestId('year-total').allInnerTexts())
				.map(euroCents)
				.reduce((a, b) => a + b, 0);
			expect(totals).toBe(shown);
			expect(demoCents).toBe(20050);
			await expect(fromFeesDemo.filter({ hasText: 'Kilometrikorvaus' })).toContainText('13,20 €');

			// The other demo payee's rows exist, and are his alone.
			const chair = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
			await signIn(chair, DEMO.staff);
			await chair.goto('/account/fees');
			await expect(chair.getByTestId('fee-row')).toHaveCount(2);
			await expect(chair.getByTestId('fee-row').first()).toContainText(
				'Kokouspalkkio, puheenjohtaja'
			);
			await expect(chair.getByText('Tuntipalkkio')).toHaveCount(0);

			const text = `Matka puuttuu ${js ? 'js' : 'nojs'} ${Date.now().toString(36)}`;
			await resident.getByLabel('Mitä riviä virhe koskee?').selectOption({ index: 1 });
			await resident.getByLabel('Mikä on väärin?').fill(text);
			await resident.getByRole('button', { name: 'Lähetä' }).click();
			await expect(resident.getByText('Kiitos, viesti on lähetetty.')).toBeVisible();

			const admin = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
			await signIn(admin, DEMO.admin);
			await admin.goto('/admin/fees');
			await expect(admin.getByText(text)).toBeVisible();
			await expect(admin.getByRole('listitem').filter({ hasText: text })).toContainText(
				'Antti Asukas'
			);

			const bad = await admin.request.get('/admin/fees/payroll.csv?month=2026-13');
			expect(bad.status()).toBe(400);
			const month = (await admin.locator('a[href*="payroll.csv"]').first().getAttribute('href'))!;
			const csv = await admin.request.get(month);
			expect(csv.status()).toBe(200);
			const body = await csv.text();
			expect(
				body.startsWith('\ufeffmonth;payee_id;payee_name;kind;quantity;unit_rate_eur;amount_eur;')
			).toBe(true);
			// A resident cannot download it.
			expect((await resident.request.get(month, { maxRedirects: 0 })).status()).toBe(403);
		});
	});
}
