/**
 * The survey question editor (issue 11), with JavaScript on and off: the admin creates a targeted
 * survey for one unit, adds a choice question with texts in three languages, moves it up,
 * removes the open question, previews the unsaved survey in Swedish, saves, and the public form
 * then asks the new question. The national recommendation question stays locked, and a question
 * without Finnish text is refused at its field with a 400 that saves nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

const UNIT = 'vammaispalvelut';

const question = (page: Page, n: number) =>
	page.getByRole('group', { name: new RegExp(`^Kysymys ${n}:`) });

for (const js of [true, false]) {
	test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });
		const tag = `${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;

		test('build a survey with the form, preview it, save it, answer it', async ({ page }) => {
			await signIn(page, DEMO.admin);
			await page.goto('/admin/feedback');
			await page.getByLabel('Tunnus').fill(`rakentaja-${tag}`);
			await page.getByLabel('Nimi suomeksi').fill(`Rakentaja ${tag}`);
			await page.getByRole('button', { name: 'Luo kysely' }).click();
			await expect(page).toHaveURL(/\/admin\/feedback\/\d+$/);
			const editUrl = page.url();
			await page.getByLabel('Vammaispalvelut', { exact: true }).check();

			// The national recommendation question is shown read-only and cannot be moved or removed.
			const nps = question(page, 1);
			await expect(nps).toContainText('Lukittu (valtakunnallinen kysymys)');
			await expect(nps.getByRole('button')).toHaveCount(0);
			await expect(nps.getByRole('textbox')).toHaveCount(0);
			await expect(question(page, 2)).toHaveAccessibleName('Kysymys 2: Avoin vastaus');

			// Add a choice question; saving it without texts is refused at its fields.
			await page.getByLabel('Uuden kysymyksen tyyppi').selectOption({ label: 'Valinta' });
			await page.getByRole('button', { name: 'Lisää kysymys' }).click();
			const added = question(page, 3);
			await expect(added).toHaveAccessibleName('Kysymys 3: Valinta');
			await expect(page.getByRole('status')).toHaveText(
				'Muutokset näkyvät lomakkeella, mutta niitä ei ole vielä tallennettu.'
			);
			const answer = page.waitForResponse((r) => r.request().method() === 'POST');
			await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
			if (!js) expect((await answer).status()).toBe(400);
			await expect(added.getByText('Kirjoita teksti suomeksi.').first()).toBeVisible();
			await expect(
				added.getByText('Valintakysymykseen tarvitaan vähintään yksi vaihtoehto.')
			).toBeVisible();

			// Fill it in three languages, side by side, with two options.
			await added.getByLabel('Tunniste').fill('ruoka');
			const texts = added.getByRole('group', { name: 'Kysymysteksti' });
			await texts.getByLabel('Suomeksi', { exact: true }).fill('Millainen ruoka oli?');
			await texts.getByLabel('Ruotsiksi', { exact: true }).fill('Hur var maten?');
			await texts.getByLabel('Englanniksi', { exact: true }).fill('How was the food?');
			const options: [string, string, string, string][] = [
				['hyva', 'Hyvä', 'Bra', 'Good'],
				['huono', 'Huono', 'Dålig', 'Bad']
			];
			for (const [j, [value, fi, sv, en]] of options.entries()) {
				const o = added.getByRole('group', { name: `Vaihtoehto ${j + 1}` });
				await o.getByLabel('Arvo').fill(value);
				await o.getByLabel('Suomeksi', { exact: true }).fill(fi);
				await o.getByLabel('Ruotsiksi', { exact: true }).fill(sv);
				await o.getByLabel('Englanniksi', { exact: true }).fill(en);
			}

			// Move it above the open question; what was typed moves with it.
			await added.getByRole('button', { name: 'Siirrä ylös' }).click();
			const moved = question(page, 2);
			await expect(moved).toHaveAccessibleName('Kysymys 2: Valinta');
			await expect(moved.getByLabel('Tunniste')).toHaveValue('ruoka');
			await expect(
				moved.getByRole('group', { name: 'Kysymysteksti' }).getByLabel('Ruotsiksi', { exact: true })
			).toHaveValue('Hur var maten?');
			// The locked question above it cannot be passed.
			await expect(moved.getByRole('button', { name: 'Siirrä ylös' })).toHaveCount(0);

			// Remove the open question.
			await expect(question(page, 3)).toHaveAccessibleName('Kysymys 3: Avoin vastaus');
			await question(page, 3).getByRole('button', { name: 'Poista kysymys' }).click();
			await expect(question(page, 3)).toHaveCount(0);

			// Preview in Swedish: the resident's form, in Swedish, with nothing saved.
			await page.getByLabel('Esikatselun kieli').selectOption({ label: 'ruotsi' });
			await page.getByRole('button', { name: 'Esikatsele asukkaan näkymänä' }).click();
			const preview = page.getByRole('region', {
				name: 'Esikatselu: näin asukas näkee kyselyn (ruotsi)'
			});
			await expect(preview).toBeVisible();
			await expect(preview.getByRole('group', { name: /^2\. Hur var maten\?/ })).toBeVisible();
			await expect(preview.getByRole('radio', { name: 'Bra' })).toBeVisible();
			await expect(preview.getByRole('group', { name: /^1\. Hur sannolikt/ })).toContainText(
				'obligatorisk'
			);
			await page.goto(`/feedback/${UNIT}?survey=rakentaja-${tag}`);
			await expect(page.getByText('Millainen ruoka oli?')).toHaveCount(0);
			await expect(page.getByText('Mitä muuta haluat kertoa?')).toBeVisible();

			// Nothing was saved, so do it again and save.
			await page.goto(editUrl);
			await page.getByLabel('Vammaispalvelut', { exact: true }).check();
			await page.getByLabel('Uuden kysymyksen tyyppi').selectOption({ label: 'Valinta' });
			await page.getByRole('button', { name: 'Lisää kysymys' }).click();
			const again = question(page, 3);
			await again.getByLabel('Tunniste').fill('ruoka');
			const texts2 = again.getByRole('group', { name: 'Kysymysteksti' });
			await texts2.getByLabel('Suomeksi', { exact: true }).fill('Millainen ruoka oli?');
			await texts2.getByLabel('Ruotsiksi', { exact: true }).fill('Hur var maten?');
			await texts2.getByLabel('Englanniksi', { exact: true }).fill('How was the food?');
			for (const [j, [value, fi, sv, en]] of options.entries()) {
				const o = again.getByRole('group', { name: `Vaihtoehto ${j + 1}` });
				await o.getByLabel('Arvo').fill(value);
				await o.getByLabel('Suomeksi', { exact: true }).fill(fi);
				await o.getByLabel('Ruotsiksi', { exact: true }).fill(sv);
				await o.getByLabel('Englanniksi', { exact: true }).fill(en);
			}
			await again.getByRole('button', { name: 'Siirrä ylös' }).click();
			await expect(question(page, 2)).toHaveAccessibleName('Kysymys 2: Valinta');
			await question(page, 3).getByRole('button', { name: 'Poista kysymys' }).click();
			await expect(question(page, 3)).toHaveCount(0);
			await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
			await expect(page.getByText('Tallennettu versiona 2.')).toBeVisible();

			// The public form asks the new question, and no longer the removed one.
			await page.goto(`/feedback/${UNIT}?survey=rakentaja-${tag}`);
			const food = page.getByRole('group', { name: /^2\. Millainen ruoka oli\?/ });
			await expect(food).toBeVisible();
			await expect(page.getByText('Mitä muuta haluat kertoa?')).toHaveCount(0);
			await page
				.getByRole('group', { name: /^1\. Kuinka todennäköisesti/ })
				.getByRole('radio', { name: '9' })
				.check();
			await food.getByRole('radio', { name: 'Hyvä' }).check();
			await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
			await expect(page).toHaveURL(/\/feedback\/thanks/);
		});
	});
}

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.help}`);
}

test('the editor passes axe with locked items, field errors and a preview', async ({ page }) => {
	await signIn(page, DEMO.admin);
	await page.goto('/admin/feedback');
	await page.getByRole('link', { name: 'Asiakaspalaute (valtakunnallinen malli)' }).click();
	// The national survey: the recommendation question and the six base statements are locked.
	await expect(page.getByText('Lukittu (valtakunnallinen kysymys)')).toHaveCount(7);
	expect(await axe(page)).toEqual([]);
	await page.getByLabel('Uuden kysymyksen tyyppi').selectOption({ label: 'Valinta' });
	await page.getByRole('button', { name: 'Lisää kysymys' }).click();
	await expect(question(page, 9)).toHaveAccessibleName('Kysymys 9: Valinta');
	await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
	await expect(question(page, 9).getByText('Kirjoita teksti suomeksi.').first()).toBeVisible();
	expect(await axe(page)).toEqual([]);
	await page.getByRole('button', { name: 'Esikatsele asukkaan näkymänä' }).click();
	await expect(page.getByText('Kirjoita teksti suomeksi.').first()).toBeVisible();
	await question(page, 9).getByRole('button', { name: 'Poista kysymys' }).click();
	await expect(question(page, 9)).toHaveCount(0);
	await page.getByRole('button', { name: 'Esikatsele asukkaan näkymänä' }).click();
	await expect(page.getByRole('region', { name: /^Esikatselu/ })).toBeVisible();
	expect(await axe(page)).toEqual([]);
});
