/**
 * The audit log as an admin reads it (issue 11): action names in words, the object as a link,
 * filters by person, action and day (a GET form: the same without JavaScript), and the export
 * that opens in Excel (BOM, semicolons, readable columns).
 */
import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

for (const js of [true, false]) {
	test(`admin filters the log, follows an object link and exports (JavaScript ${js ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const run = `audit-${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;
		// Something to find: a feedback handler assigns a case to themself.
		const ctx = await browser.newContext({ javaScriptEnabled: js });
		const resident = await ctx.newPage();
		await resident.goto('/feedback/direct?unit=tk-ylojarvi');
		await resident.getByLabel('Kiitos').check();
		await resident.getByLabel('Palautteesi').fill(`Hyvä palvelu ${run}`);
		await resident.getByRole('button', { name: 'Lähetä palaute' }).click();
		await expect(resident.getByRole('heading', { level: 1 })).toHaveText('Kiitos palautteestasi');
		const handler = await ctx.newPage();
		await signIn(handler, DEMO.feedback);
		await handler.goto('/staff/feedback/cases?status=all&kind=praise');
		await handler.getByRole('link', { name: new RegExp(run) }).click();
		await expect(handler).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
		const caseUrl = new URL(handler.url()).pathname;
		await handler.getByLabel('Osoita käsittelijälle').selectOption({ label: 'Pekka Palaute' });
		await handler.getByRole('button', { name: 'Tallenna käsittelijä' }).click();
		await expect(handler.getByText('Käsittelijä tallennettu.')).toBeVisible();
		await ctx.close();

		const adminCtx = await browser.newContext({ javaScriptEnabled: js, acceptDownloads: true });
		const page = await adminCtx.newPage();
		await signIn(page, DEMO.admin);
		await page.goto('/admin/audit');
		await page.getByLabel('Tekijä').selectOption({ label: `Pekka Palaute (${DEMO.feedback})` });
		await page
			.getByLabel('Toimenpide')
			.selectOption({ label: 'Osoitti palautteen käsittelijälle' });
		const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
		await page.getByLabel('Alkaen').fill(today);
		await page.getByRole('button', { name: 'Näytä', exact: true }).click();
		await expect(page).toHaveURL(/action=feedback.case.assigned/);
		const row = page.getByRole('row').filter({ hasText: caseUrl.split('/').pop()! });
		await expect(row).toContainText('Osoitti palautteen käsittelijälle');
		await expect(row).toContainText('Pekka Palaute');
		// Every row shown is this person's and this action.
		for (const r of await page.getByRole('row').all())
			if ((await r.locator('td').count()) > 0)
				await expect(r).toContainText('Osoitti palautteen käsittelijälle');

		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: /Lataa rajatut merkinnät/ }).click();
		const file = await (await download).path();
		const text = (await import('node:fs')).readFileSync(file, 'utf8');
		expect(text.startsWith('\ufeffAika;Tekijä;Sähköposti;Toimenpide;')).toBe(true);
		expect(text).toContain('Osoitti palautteen käsittelijälle;feedback.case.assigned;Palaute;');
		expect(text).not.toContain('Antoi roolin');

		// The object is a link to its page (which checks its own role: an admin is no handler).
		await expect(row.getByRole('link', { name: 'Palaute' })).toHaveAttribute('href', caseUrl);
		await adminCtx.close();
	});
}

test('a bad audit filter is a 400, not a 500', async ({ page }) => {
	await signIn(page, DEMO.admin);
	expect((await page.goto('/admin/audit?from=2026-02-30'))?.status()).toBe(400);
	expect((await page.goto('/admin/audit/export.csv?actor=nobody'))?.status()).toBe(400);
});
