/**
 * Reflow (WCAG 1.4.10) and language of parts (3.1.2), issue 11: no public page scrolls sideways
 * on a 320 px wide phone, and Finnish-only content is marked as Finnish on other-language pages.
 * Wide tables scroll inside their own region instead; that region does not count.
 */
import { expect, test } from './fixtures';

test.use({ viewport: { width: 320, height: 800 } });

const PAGES = [
	'/',
	'/nps',
	'/nps/outpatient',
	'/nps/outpatient/tk-hervanta',
	'/pool',
	'/feedback',
	'/feedback/tk-hervanta',
	'/feedback/direct',
	'/conversations',
	'/auth/sign-in',
	'/auth/sign-up',
	'/auth/forgot',
	'/privacy',
	'/accessibility',
	'/sanoitte-teimme',
	'/sanoitte-teimme/luvut',
	'/sanoitte-teimme/data'
];

test('public pages fit a 320 px screen without sideways scrolling', async ({ page }) => {
	await page.goto('/conversations');
	const href = await page.locator('main a[href^="/conversations/"]').first().getAttribute('href');
	const pages = [...PAGES, href!, `${href}/map`, `${href}/report`];
	const wide: string[] = [];
	for (const url of pages) {
		const res = await page.goto(url);
		expect(res?.status(), url).toBe(200);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > 320) wide.push(`${url}: ${width} px`);
	}
	expect(wide).toEqual([]);
});

test('Finnish-only conversation content is marked lang="fi" on the Swedish pages', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'På svenska' }).click();
	await page.goto('/conversations');
	const topic = page.getByRole('heading', {
		name: 'Miten koet asiakaslähtöiset digitaaliset palvelut?'
	});
	await expect(topic).toHaveAttribute('lang', 'fi');
	await topic.getByRole('link').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fi');
	await expect(page.locator('#statement')).toHaveAttribute('lang', 'fi');
	await page.goto(`${page.url()}/report`);
	const row = page.getByRole('region', { name: /Resultat per påstående/ }).getByRole('rowheader');
	await expect(row.first()).toHaveAttribute('lang', 'fi');
	await page.getByRole('button', { name: 'Suomeksi' }).click();
});
