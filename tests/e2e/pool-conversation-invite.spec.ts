import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

test('a conversation is invited from the pool with the form filled in for it', async ({ page }) => {
	await signIn(page, DEMO.admin);
	await page.goto('/staff/conversations');
	const first = page.locator('main table a, main ul a[href^="/staff/conversations/"]').first();
	const topic = (await first.textContent())!.trim();
	await first.click();
	const conversationUrl = page.url().replace('/staff', '');
	await page.getByRole('link', { name: 'Kutsu asukaspoolista' }).click();
	await expect(page).toHaveURL(/\/staff\/pool\/invitations\/new\?/);
	await expect(page.getByLabel('Toiminnan tyyppi')).toHaveValue('conversation');
	await expect(page.getByLabel('Otsikko')).toHaveValue(topic);
	await expect(page.getByLabel('Viesti suomeksi')).toHaveValue(
		new RegExp(conversationUrl.replace(/[/.]/g, '\\$&'))
	);
	await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
	await expect(page.getByText(/Kutsu lähetetty \d+ jäsenelle\./)).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(topic);
});
