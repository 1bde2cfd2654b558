/**
 * Upload sizes as a coordinator meets them: a file over the form's limit (but within the server's
 * body limit) gets the form's own message; a request beyond the body limit, which the server cuts
 * off with 413, gets the portal's error page in the user's language, not a bare status.
 */
import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

const MB = 1024 * 1024;
const csv = (bytes: number) => ({
	name: 'jasenet.csv',
	mimeType: 'text/csv',
	buffer: Buffer.alloc(bytes, 'a')
});

test('pool import: too large a file gets the form message, too large a request a Finnish 413 page', async ({
	page
}) => {
	await signIn(page, DEMO.pool);
	await page.goto('/staff/pool/import');
	await page.getByLabel('CSV-tiedosto').setInputFiles(csv(11 * MB));
	await page.getByRole('button', { name: 'Tarkista' }).click();
	await expect(page.getByText('Tiedosto on liian suuri.')).toBeVisible({ timeout: 20_000 });

	await page.getByLabel('CSV-tiedosto').setInputFiles(csv(17 * MB));
	await page.getByRole('button', { name: 'Tarkista' }).click();
	await expect(page.getByRole('heading', { name: 'Virhe 413' })).toBeVisible({ timeout: 20_000 });
	await expect(page.getByText('Lähetys on liian suuri.')).toBeVisible();

	// Without JavaScript the browser posts the form itself: the server's page says the same.
	const res = await page.request.post('/staff/pool/import?/preview', {
		headers: { origin: new URL(page.url()).origin },
		multipart: { file: csv(17 * MB) }
	});
	expect(res.status()).toBe(413);
	expect(await res.text()).toContain('Lähetys on liian suuri.');
});
