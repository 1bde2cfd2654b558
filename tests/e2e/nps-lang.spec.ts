/**
 * Language of parts (WCAG 3.1.2), issue 11, on the public NPS pages: on the Swedish page the
 * service line and unit names that have a Swedish name are not marked Finnish (the demo data's
 * names all do; the Finnish-only case is covered by tests/integration/feedback/public-pages-lang).
 */
import { expect, test } from './fixtures';

test('the Swedish NPS pages show Swedish names without lang="fi"', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'På svenska' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await page.goto('/nps/elderly-disability');
	const h1 = page.getByRole('heading', { level: 1 });
	await expect(h1).toHaveText('Tjänster för äldre och personer med funktionsnedsättning');
	await expect(h1).not.toHaveAttribute('lang', 'fi');
	const unit = page.getByRole('link', { name: 'Hemvård, Tammerfors' });
	await expect(unit).not.toHaveAttribute('lang', 'fi');
	await unit.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hemvård, Tammerfors');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', 'fi');
});
