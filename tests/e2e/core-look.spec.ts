/**
 * The county's identity and the sense of a process (issue 11, "Look"): the header's logo and
 * county name, the county colour written into the head, the front page's hero, and the phase
 * steps of a conversation and a panel with the current one marked aria-current="step".
 */
import { expect, test } from './fixtures';

test('the header shows the county’s logo and name, and the head sets its colour', async ({
	page
}) => {
	await page.goto('/');
	const home = page.getByRole('banner').getByRole('link', { name: /Osallistu/ });
	await expect(home).toContainText('Pirkanmaan hyvinvointialue');
	const logo = home.locator('img');
	await expect(logo).toHaveAttribute('src', '/brand/logo.svg');
	await expect(logo).toHaveAttribute('alt', '');
	expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	const brand = await page.evaluate(() =>
		getComputedStyle(document.documentElement).getPropertyValue('--c-brand').trim()
	);
	expect(brand).toBe('#235a9a');
	await expect(page.getByRole('contentinfo')).toContainText('Pirkanmaan hyvinvointialue');
	await page.getByRole('button', { name: 'På svenska' }).click();
	await expect(page.getByRole('banner')).toContainText('Birkalands välfärdsområde');
	await page.getByRole('button', { name: 'Suomeksi' }).click();
});

test('the front page says what the portal is for and where to start', async ({ page }) => {
	await page.goto('/');
	const hero = page.getByRole('region', { name: 'Osallistu ja vaikuta' });
	await expect(hero.getByRole('heading', { level: 1 })).toHaveText('Osallistu ja vaikuta');
	await expect(hero.getByRole('link', { name: 'Anna palautetta' })).toHaveAttribute(
		'href',
		'/feedback'
	);
	await expect(hero.getByRole('link', { name: 'Osallistu keskusteluihin' })).toHaveAttribute(
		'href',
		'/conversations'
	);
	await expect(hero.getByRole('heading', { name: 'Näin osallistuminen etenee' })).toBeVisible();
	await expect(hero.getByRole('listitem')).toHaveCount(6);
});

test('an open conversation shows its phases, the first one current', async ({ page }) => {
	// The demo conversation: open, with no findings (others' specs add conversations of their own,
	// closed or with findings, that may come first in the list).
	await page.goto('/conversations');
	await page
		.getByRole('link', { name: 'Miten koet asiakaslähtöiset digitaaliset palvelut?' })
		.click();
	const steps = page.getByRole('list', { name: 'Vaiheet' });
	await expect(steps.getByRole('listitem')).toHaveText([
		/Avoinna/,
		/Päättynyt/,
		/Tulokset/,
		/Mitä seurasi/
	]);
	await expect(steps.locator('[aria-current="step"]')).toHaveText(/Avoinna/);
	await expect(steps.getByRole('link')).toHaveCount(0);
});

test('a panel with a published recommendation marks that phase and links to what came of it', async ({
	page
}) => {
	await page.goto('/panels/1');
	const steps = page.getByRole('list', { name: 'Vaiheet' });
	const current = steps.locator('[aria-current="step"]');
	await expect(current).toHaveCount(1);
	await expect(current).toHaveText(/Suositus|Mitä seurasi/);
	// The phases before the current one are said to be done, not only drawn so.
	await expect(steps.getByRole('listitem').first()).toContainText('(valmis)');
	await expect(steps.getByRole('link', { name: 'Mitä seurasi' })).toHaveAttribute(
		'href',
		/^\/sanoitte-teimme\/\d+$/
	);
});
