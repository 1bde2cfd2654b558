/**
 * Every public form, once with JavaScript and once without (issue 11). With JavaScript the
 * pages hydrate and superforms/enhance take over; a hydration error (the direct-feedback form
 * threw Svelte's `props_invalid_value` and lost its lists) fails here through the page guard in
 * ./fixtures. Without JavaScript the same forms must work as plain HTML posts.
 */
import { expect, test } from './fixtures';
import { DEMO, firstLink, waitForMail } from './helpers';

for (const js of [true, false]) {
	test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });
		const tag = `${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;

		test('direct feedback: reached from a unit form, refuses a reply without address, sends', async ({
			page
		}) => {
			await page.goto('/feedback/tk-hervanta');
			await page.getByRole('link', { name: /Anna vapaata palautetta/ }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vapaa palaute');
			// The unit form's link preselects its unit; the lists and the language switch are there.
			await expect(page.getByLabel('Mitä palvelua palaute koskee?')).toHaveValue(/\d+/);
			expect(await page.locator('#f-unit option').count()).toBeGreaterThan(10);
			await expect(page.getByRole('button', { name: 'På svenska' })).toBeVisible();
			await page.getByLabel('Kehitysidea').check();
			await page.getByLabel('Palautteesi').fill(`Idea ${tag}: iltavastaanotto kerran viikossa.`);
			await page.getByLabel('Haluan vastauksen').check();
			await page.getByRole('button', { name: 'Lähetä palaute' }).click();
			await expect(
				page.getByText('Anna sähköpostiosoite tai puhelinnumero, jotta voimme vastata.')
			).toBeVisible();
			await page.getByLabel(/^\s*Sähköposti/).fill(`${tag}@example.com`);
			await page.getByRole('button', { name: 'Lähetä palaute' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiitos palautteestasi');
			await expect(page.getByRole('status')).toContainText(
				/numero on P-\d+\. Vastaamme sähköpostiisi viimeistään \d{1,2}\.\d{1,2}\.\d{4}\./
			);
			const mail = await waitForMail(DEMO.feedback, 'Hervannan terveysasema');
			expect(mail.subject).toContain('Uusi palaute odottaa vastausta');
		});

		test('direct feedback with a phone number only: the thanks page gives the case number and the day we call by', async ({
			page
		}) => {
			await page.goto('/feedback/direct?unit=tk-hervanta');
			if (js) await page.waitForLoadState('networkidle');
			await page.getByLabel('Palautteesi').fill(`Puhelu ${tag}: soittakaa minulle.`);
			await page.getByLabel('Haluan vastauksen').check();
			await page.getByLabel('Puhelinnumero').fill('040 123 4567');
			await page.getByRole('button', { name: 'Lähetä palaute' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiitos palautteestasi');
			const status = page.getByRole('status');
			await expect(status).toContainText(/numero on P-\d+\./);
			await expect(status).toContainText(
				/Soitamme sinulle antamaasi puhelinnumeroon viimeistään \d{1,2}\.\d{1,2}\.\d{4}\./
			);
			await expect(status).not.toContainText('sähköpost');
		});

		test('direct feedback without a unit names the missing field', async ({ page }) => {
			await page.goto('/feedback/direct');
			await page.getByLabel('Palautteesi').fill('Kiitos hyvästä palvelusta.');
			await page.getByRole('button', { name: 'Lähetä palaute' }).click();
			await expect(page.getByRole('alert')).toBeVisible();
			await expect(page).toHaveURL(/\/feedback\/direct/);
		});

		test('unit survey: error for the missing question, then thanks', async ({ page }) => {
			await page.goto('/feedback/tk-hervanta');
			await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
			await expect(page.getByRole('alert')).toContainText('Vastauksessa on virheitä');
			await page
				.getByRole('group', { name: /suosittelisit/ })
				.getByLabel('8', { exact: true })
				.check();
			await page.getByLabel(/Mikä vaikutti kokemukseesi eniten/).fill(`survey ${tag}`);
			await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiitos vastauksestasi');
		});

		test('pool join: consent required, then the confirmation mail', async ({ page }) => {
			const email = `pool-${tag}@example.com`;
			await page.goto('/pool');
			// The birth year starts empty, not as a prefilled 0.
			await expect(page.getByLabel('Syntymävuosi')).toHaveValue('');
			await page.getByLabel('Nimi', { exact: true }).fill('Testi Poolilainen');
			const refused = page.waitForResponse((r) => r.request().method() === 'POST');
			await page.getByRole('button', { name: 'Liity pooliin' }).click();
			if (!js) expect((await refused).status()).toBe(400);
			await expect(page.getByText('Tarvitsemme luvan, jotta voit liittyä.')).toBeVisible();
			// After the refusal what was typed stays, and the empty birth year stays empty, not "0".
			await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('Testi Poolilainen');
			await expect(page.getByLabel('Syntymävuosi')).toHaveValue('');
			await page.getByLabel('Nimi', { exact: true }).fill('Testi Poolilainen');
			await page.getByLabel('Sähköposti').fill(email);
			await page.getByLabel('Kotikunta').selectOption({ label: 'Nokia' });
			await page.getByLabel('Syntymävuosi').fill('1984');
			await page.getByLabel(/Annan luvan/).check();
			await page.getByRole('button', { name: 'Liity pooliin' }).click();
			await expect(page.getByRole('heading', { name: 'Katso sähköpostisi' })).toBeVisible();
			const mail = await waitForMail(email, 'Vahvista liittyminen');
			await page.goto(firstLink(mail.text));
			await page.getByRole('button', { name: 'Vahvista' }).click();
			await expect(page.getByText('Kiitos! Olet nyt mukana asukaspoolissa.')).toBeVisible();
		});

		test('sign-up, sign-in and forgotten password answer in Finnish', async ({ page }) => {
			const email = `acct-${tag}@example.com`;
			await page.goto('/auth/sign-up');
			await page.getByLabel('Nimi').fill('Testi Tili');
			await page.getByLabel('Sähköposti').fill(email);
			await page.getByLabel('Salasana', { exact: true }).fill('lyhyt');
			await page.getByLabel('Salasana uudelleen').fill('lyhyt');
			await page.getByRole('button', { name: 'Luo tunnus' }).click();
			await expect(page.getByText('Salasanassa pitää olla vähintään 10 merkkiä.')).toBeVisible();
			await page.getByLabel('Salasana', { exact: true }).fill('pitka-salasana-123');
			await page.getByLabel('Salasana uudelleen').fill('pitka-salasana-123');
			await page.getByRole('button', { name: 'Luo tunnus' }).click();
			await expect(page.getByRole('heading', { name: 'Tarkista sähköpostisi' })).toBeVisible();

			await page.goto('/auth/sign-in');
			await page.getByLabel('Sähköposti').fill(email);
			await page.getByLabel('Salasana', { exact: true }).fill('pitka-salasana-123');
			await page.getByRole('button', { name: 'Kirjaudu' }).click();
			await expect(page.getByText('Vahvista ensin sähköpostiosoitteesi.')).toBeVisible();

			await page.goto('/auth/forgot');
			await page.getByLabel('Sähköposti').fill(email);
			await page.getByRole('button', { name: 'Lähetä linkki' }).click();
			await expect(page.getByText('Jos osoite on rekisteröity, lähetimme')).toBeVisible();
		});

		test('conversation: vote and write a statement', async ({ page }) => {
			await page.goto('/conversations');
			await page
				.getByRole('link', { name: 'Miten koet asiakaslähtöiset digitaaliset palvelut?' })
				.first()
				.click();
			await page.getByRole('button', { name: 'Samaa mieltä', exact: true }).click();
			await expect(page.getByText(/Olet vastannut 1 väitteeseen/)).toBeVisible();
			await page.getByLabel('Väite', { exact: true }).fill(`Ajanvaraus tekstiviestillä ${tag}`);
			await page.getByRole('button', { name: 'Lähetä väite' }).click();
			await expect(page.getByText(/Kiitos! Väitteesi/)).toBeVisible();
		});

		test('unit search narrows the list of services to the ones named', async ({ page }) => {
			await page.goto('/feedback');
			await expect(page.getByRole('link', { name: 'Ylöjärven terveysasema' })).toBeVisible();
			await page.getByLabel('Hae palvelua nimellä').fill('hervannan terveys');
			await page.getByRole('button', { name: 'Hae', exact: true }).click();
			await expect(page.getByRole('status')).toContainText('löytyi 1 palvelua');
			await expect(page.getByRole('link', { name: 'Hervannan terveysasema' })).toBeVisible();
			await expect(page.getByRole('link', { name: 'Ylöjärven terveysasema' })).toHaveCount(0);
			await page.getByLabel('Hae palvelua nimellä').fill('ei-tällaista');
			await page.getByRole('button', { name: 'Hae', exact: true }).click();
			await expect(page.getByRole('status')).toContainText('ei löytynyt palvelua');
		});

		test('language switch keeps the page and changes the language', async ({ page }) => {
			await page.goto('/feedback/direct');
			await page.getByRole('button', { name: 'På svenska' }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
			await expect(page).toHaveURL(/\/feedback\/direct$/);
			await page.getByRole('button', { name: 'Suomeksi' }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
		});
	});
}
