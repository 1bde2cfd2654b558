/**
 * Text analysis end to end (issue 16), as the demo feedback handler: the review queue's
 * one-click confirm with JavaScript on, a correction with JavaScript off (a plain form post),
 * both leaving the queue; the model page shows computed per-label figures, the confusion tables
 * and the version history; the dashboard shows its charts with tables.
 */
import { expect, test, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

async function firstItemRef(page: Page): Promise<string> {
	const item = page.locator('.ta-item').first();
	await expect(item).toBeVisible();
	return (await item.getAttribute('data-ref')) ?? '';
}

test('review queue: confirm with one click (JavaScript on)', async ({ page }) => {
	await signIn(page, DEMO.feedback);
	await page.goto('/staff/text-analysis/review');
	await expect(page.getByRole('heading', { level: 1, name: 'Tarkistusjono' })).toBeVisible();
	const ref = await firstItemRef(page);
	await page
		.locator(`.ta-item[data-ref="${ref}"]`)
		.getByRole('button', { name: 'Vahvista' })
		.click();
	await expect(page.getByText('Tunnisteet vahvistettiin.')).toBeVisible();
	await expect(page.locator(`.ta-item[data-ref="${ref}"]`)).toHaveCount(0);
	// Shown as confirmed among all answers.
	await page.goto('/staff/text-analysis/review?all=1');
	await expect(page.locator(`.ta-item[data-ref="${ref}"]`).getByText('Vahvistettu')).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('review queue: correct the labels with a plain form post', async ({ page }) => {
		await signIn(page, DEMO.feedback);
		await page.goto('/staff/text-analysis/review');
		const ref = await firstItemRef(page);
		const item = page.locator(`.ta-item[data-ref="${ref}"]`);
		await item.getByText('Korjaa tunnisteet').click();
		await item.getByLabel('Sävy').selectOption('mixed');
		await item.getByLabel('Tiedonsaanti ja viestintä').check();
		await item.getByLabel('Asiakaspolun vaihe').selectOption('followup');
		await item.getByRole('button', { name: 'Tallenna korjaus' }).click();
		await expect(page.getByText('Korjaus tallennettiin opetusaineistoksi.')).toBeVisible();
		await expect(page.locator(`.ta-item[data-ref="${ref}"]`)).toHaveCount(0);
		await page.goto('/staff/text-analysis/review?all=1');
		const after = page.locator(`.ta-item[data-ref="${ref}"]`);
		await expect(after.getByText('Korjattu')).toBeVisible();
		await expect(after.getByText('Ristiriitainen (100 %)')).toBeVisible();
	});

	test('a forged correction with an invalid tone is a 400 with the error in Finnish', async ({
		page
	}) => {
		await signIn(page, DEMO.feedback);
		const res = await page.request.post('/staff/text-analysis/review?/correct', {
			form: { ref: 'response:999999999', tone: 'nope' },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain('Valitse sävy.');
	});
});

test('model page: computed figures, confusion and version history', async ({ page }) => {
	await signIn(page, DEMO.feedback);
	await page.goto('/staff/text-analysis/model');
	await expect(page.getByRole('heading', { level: 1, name: 'Malli ja sen osuvuus' })).toBeVisible();
	await expect(page.locator('#ta-tone-scores tbody tr')).toHaveCount(4);
	await expect(page.locator('#ta-label-scores tbody tr').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Teemojen sekaannukset' })).toBeVisible();
	await expect(page.locator('#ta-history tbody tr').first()).toContainText('Toimitettu malli');
	await page.goto('/staff/text-analysis');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Avoimen palautteen analyysi' })
	).toBeVisible();
	await expect(page.locator('svg').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Nousevat teemat' })).toBeVisible();
});

test('a resident cannot open the text analysis pages', async ({ page }) => {
	await signIn(page, DEMO.resident);
	const res = await page.goto('/staff/text-analysis/review');
	expect(res?.status()).toBe(403);
});
