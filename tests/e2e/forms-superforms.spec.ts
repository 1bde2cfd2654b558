/**
 * Forms converted to superforms (issue 10), with JavaScript on and off: a refused submit shows the
 * error in Finnish next to its field, keeps what was typed, answers 400 and stores nothing; a
 * corrected submit goes through. The public forms are in public-forms.spec.ts.
 */
import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

for (const js of [true, false]) {
	test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });
		const tag = `${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;

		test('admin survey: a bad code is named at the field and nothing is created', async ({
			page
		}) => {
			await signIn(page, DEMO.admin);
			await page.goto('/admin/feedback');
			const before = await page.getByRole('listitem').count();
			await page.getByLabel('Tunnus').fill('X');
			await page.getByLabel('Nimi suomeksi').fill(`Kysely ${tag}`);
			const answer = page.waitForResponse((r) => r.request().method() === 'POST');
			await page.getByRole('button', { name: 'Luo kysely' }).click();
			// Without JavaScript the page itself answers 400 (with it, the action result says so).
			if (!js) expect((await answer).status()).toBe(400);
			await expect(page.locator('#f-code-error')).toHaveText(
				'Tunnus on jo käytössä tai virheellinen.'
			);
			// What was typed stays.
			await expect(page.getByLabel('Nimi suomeksi')).toHaveValue(`Kysely ${tag}`);
			await page.goto('/admin/feedback');
			expect(await page.getByRole('listitem').count()).toBe(before);

			await page.getByLabel('Tunnus').fill(`kysely-${tag}`);
			await page.getByLabel('Nimi suomeksi').fill(`Kysely ${tag}`);
			await page.getByRole('button', { name: 'Luo kysely' }).click();
			await expect(page).toHaveURL(/\/admin\/feedback\/\d+$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kysely ${tag}`);

			// The edit form: an empty Finnish name is refused at its field, then a save says its version.
			await page.getByLabel('Nimi suomeksi').fill('');
			await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
			await expect(page.locator('#f-name_fi-error')).toBeVisible();
			await page.getByLabel('Nimi suomeksi').fill(`Kysely ${tag} 2`);
			await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
			await expect(page.getByText('Tallennettu versiona 1.')).toBeVisible();
		});

		test('new conversation: no language is refused at the field, the topic stays', async ({
			page
		}) => {
			await signIn(page, DEMO.moderator);
			await page.goto('/staff/conversations/new');
			await page.getByLabel('Aihe').fill(`Aihe ${tag}`);
			await page.getByLabel('Suomeksi').uncheck();
			const answer = page.waitForResponse((r) => r.request().method() === 'POST');
			await page.getByRole('button', { name: 'Luo keskustelu' }).click();
			if (!js) expect((await answer).status()).toBe(400);
			await expect(page.getByText('Valitse vähintään yksi kieli.')).toBeVisible();
			await expect(page.getByLabel('Aihe')).toHaveValue(`Aihe ${tag}`);
			// Unticked boxes stay unticked after the refusal.
			await expect(page.getByLabel('Suomeksi')).not.toBeChecked();
			await page.getByLabel('Suomeksi').check();
			await page.getByRole('button', { name: 'Luo keskustelu' }).click();
			await expect(page).toHaveURL(/\/staff\/conversations\/[0-9a-f-]{36}\?created=1$/);
		});
	});
}
