/**
 * A choice made before the page's JavaScript runs survives hydration. On a slow phone network a
 * resident can pick a unit in the direct-feedback form before the app has loaded; Svelte's
 * bound <select> then took the server's value when it hydrated, so the form went with no unit
 * (or a staff member's status choice silently became "received": the session-4 impact flake).
 * The app's scripts are held back here until the choice is made, as a slow network would.
 */
import { expect, test } from './fixtures';

test('a unit chosen in the direct-feedback form before the app runs is still chosen after it runs', async ({
	page
}) => {
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/feedback/direct', { waitUntil: 'domcontentloaded' });
	const unit = page.locator('#f-unit');
	await unit.selectOption({ label: 'Hervannan terveysasema' });
	const chosen = await unit.inputValue();
	expect(chosen).not.toBe('');
	release();
	await page.waitForLoadState('networkidle');
	// The app runs now (its enhanced form posts without a reload), and the choice is kept.
	await expect(page.locator('html[data-app-running]')).toHaveCount(1);
	await expect(unit).toHaveValue(chosen);
});
