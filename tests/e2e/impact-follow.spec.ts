/**
 * Issue 12, anonymous participants who leave an address: on the demo conversation, a resident
 * without an account votes, then leaves an address under "Kerro minulle, mitä tästä seuraa"
 * (refused with the field's error before voting is impossible: the form only shows after a vote;
 * a bad address gets a 400 and its error), gets the confirmation mail, and confirms with the
 * page's button. With JavaScript on and off. The link is used once.
 */
import { expect, test } from './fixtures';
import { waitForMail } from './helpers';

const TOPIC = 'Miten koet asiakaslähtöiset digitaaliset palvelut?';

for (const javaScriptEnabled of [true, false]) {
	test(`an anonymous participant leaves an address and confirms it (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const address = `seuraaja-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now().toString(36)}@example.fi`;
		const ctx = await browser.newContext({ javaScriptEnabled });
		const page = await ctx.newPage();
		await page.goto('/conversations');
		await page.getByRole('link', { name: TOPIC }).click();
		if (javaScriptEnabled) await page.locator('html[data-app-running]').waitFor();
		// No form before a vote.
		await expect(
			page.getByRole('heading', { name: 'Kerro minulle, mitä tästä seuraa' })
		).toHaveCount(0);
		await page.getByRole('button', { name: 'Ohita / en osaa sanoa' }).click();
		await expect(page.getByText(/Olet vastannut 1 väitteeseen/)).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'Kerro minulle, mitä tästä seuraa' })
		).toBeVisible();

		const email = page.getByLabel('Sähköposti');
		await email.fill('ei-osoite');
		const [bad] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Lähetä vahvistuslinkki' }).click()
		]);
		// Without JavaScript the page's status; with it, SvelteKit's action result says the same.
		if (javaScriptEnabled) expect(await bad.json()).toMatchObject({ type: 'failure', status: 400 });
		else expect(bad.status()).toBe(400);
		await expect(page.locator('#follow-error')).toBeVisible();
		await expect(page.getByLabel('Sähköposti')).toHaveAttribute('aria-invalid', 'true');

		const since = Date.now();
		await page.getByLabel('Sähköposti').fill(address);
		await page.getByRole('button', { name: 'Lähetä vahvistuslinkki' }).click();
		await expect(page.getByText(/saat siihen pian vahvistuslinkin/)).toBeVisible();

		const mail = await waitForMail(address, 'Vahvista', { since, timeoutMs: 30_000 });
		expect(mail.text).toContain(TOPIC);
		const link = /https?:\/\/\S+\/sanoitte-teimme\/follow\/[a-z2-7]{32}/.exec(mail.text)![0];
		const confirm = await ctx.newPage();
		await confirm.goto(new URL(link).pathname);
		await expect(confirm.getByRole('heading', { level: 1 })).toHaveText('Vahvista viestit');
		await expect(confirm.getByText(TOPIC, { exact: false })).toBeVisible();
		if (javaScriptEnabled) await confirm.locator('html[data-app-running]').waitFor();
		await confirm.getByRole('button', { name: 'Kyllä, kertokaa minulle' }).click();
		await expect(confirm.getByText(/Kerromme sinulle, kun asiat etenevät/)).toBeVisible();

		// Used once: the link now says so.
		await confirm.goto(new URL(link).pathname);
		await expect(confirm.getByText(/Linkki ei kelpaa/)).toBeVisible();
		await ctx.close();
	});
}
