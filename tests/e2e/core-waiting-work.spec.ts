/**
 * Waiting work on the staff home (issue 11): each module counts through its manifest, the count
 * matches the list it links to, and it moves when the work is done.
 */
import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

test('the handler sees the open cases waiting, the count matches the list and drops when one is answered', async ({
	browser,
	page
}) => {
	const run = `wait-${Date.now().toString(36)}`;
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const resident = await ctx.newPage();
	await resident.goto('/feedback/direct?unit=tk-ylojarvi');
	await resident.getByLabel('Moite').check();
	await resident.getByLabel('Palautteesi').fill(`Odotin liian kauan ${run}`);
	await resident.getByLabel('Haluan vastauksen').check();
	await resident.getByLabel(/^\s*Sähköposti/).fill(`${run}@example.com`);
	await resident.getByRole('button', { name: 'Lähetä palaute' }).click();
	await expect(resident.getByRole('heading', { level: 1 })).toHaveText('Kiitos palautteestasi');
	await ctx.close();

	await signIn(page, DEMO.feedback);
	await page.goto('/staff');
	const line = page
		.getByTestId('waiting-work')
		.getByRole('link', { name: /^Vastausta odottavia palautteita: \d+$/ });
	const n = Number((await line.textContent())!.split(': ')[1]);
	expect(n).toBeGreaterThan(0);
	await line.click();
	await expect(page.getByTestId('case-count')).toHaveText(`Palautteita: ${n}`);
	await page.getByRole('link', { name: new RegExp(run) }).click();
	await page.getByLabel('Vastaus', { exact: true }).fill('Pahoittelemme.');
	await page.getByRole('button', { name: 'Lähetä vastaus ja sulje' }).click();
	await expect(page.getByText('Vastaus lähetetty ja palaute suljettu.')).toBeVisible();
	await page.goto('/staff');
	// One fewer; a zero count is left out.
	const after = page.getByText(/^Vastausta odottavia palautteita: \d+$/);
	if (n > 1) await expect(after).toHaveText(`Vastausta odottavia palautteita: ${n - 1}`);
	else await expect(after).toHaveCount(0);
});

test('staff without waiting work see that nothing waits; a moderator sees statements to moderate only for their role', async ({
	page
}) => {
	await signIn(page, DEMO.staff);
	await page.goto('/staff');
	await expect(
		page.getByText(/Vastausta odottavia palautteita|Moderoitavia väitteitä/)
	).toHaveCount(0);
});

test('home-card links are a list with a visible separator between them, not run together', async ({
	page
}) => {
	await page.goto('/');
	const links = page.locator('.card-links').first().locator('li');
	expect(await links.count()).toBeGreaterThan(1);
	const sep = await links
		.nth(1)
		.evaluate((li) => getComputedStyle(li, '::before').getPropertyValue('content'));
	expect(sep).toBe('"·"');
	// The words of two links do not touch: there is space between them on the screen.
	const a = await links.nth(0).locator('a').boundingBox();
	const b = await links.nth(1).locator('a').boundingBox();
	if (a && b && Math.abs(a.y - b.y) < 2) expect(b.x - (a.x + a.width)).toBeGreaterThan(8);
});
