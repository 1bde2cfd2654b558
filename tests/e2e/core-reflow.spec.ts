/**
 * Reflow (WCAG 1.4.10) and language of parts (3.1.2), issue 11: no public page scrolls sideways
 * on a 320 px wide phone, and Finnish-only content is marked as Finnish on other-language pages.
 * Wide tables scroll inside their own region instead; that region does not count.
 */
import { expect, test, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

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
	'/sanoitte-teimme/data',
	'/councils',
	'/panels'
];

test('public pages fit a 320 px screen without sideways scrolling', async ({ page }) => {
	await page.goto('/conversations');
	const href = await page.locator('main a[href^="/conversations/"]').first().getAttribute('href');
	const pages = [...PAGES, href!, `${href}/map`, `${href}/report`];
	pages.push(...(await linksFrom(page, '/councils', /^\/councils\/\d+$/)));
	pages.push(...(await linksFrom(page, '/panels', /^\/panels\/\d+$/)));
	expect(await tooWide(page, pages)).toEqual([]);
});

/** Each page's width beyond 320 px, as "url: width px"; every page must answer 200. */
async function tooWide(page: Page, urls: string[]): Promise<string[]> {
	const wide: string[] = [];
	for (const url of urls) {
		const res = await page.goto(url);
		expect(res?.status(), url).toBe(200);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > 320) wide.push(`${url}: ${width} px`);
	}
	return wide;
}

/** The first link on a list page whose address matches (the demo data's ids vary by run). */
async function linksFrom(page: Page, list: string, pattern: RegExp): Promise<string[]> {
	await page.goto(list);
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	const found = hrefs.find((h) => pattern.test(h));
	return found ? [found] : [];
}

const STAFF_PAGES = [
	'/account/councils',
	'/account/panels',
	'/account/experts',
	'/account/fees',
	'/staff/councils',
	'/staff/panels',
	'/staff/experts',
	'/staff/experts/register',
	'/staff/experts/requests',
	'/staff/experts/requests/new',
	'/staff/feedback/sms',
	'/staff/text-analysis',
	'/staff/text-analysis/model',
	'/staff/text-analysis/review',
	'/staff/impact/activities',
	'/admin/fees',
	'/admin/audit',
	'/admin/text-analysis'
];

test('staff and account pages fit a 320 px screen without sideways scrolling', async ({ page }) => {
	await signIn(page, DEMO.admin);
	const pages = [...STAFF_PAGES];
	pages.push(...(await linksFrom(page, '/staff/councils', /^\/staff\/councils\/\d+$/)));
	const body = pages[pages.length - 1];
	if (body?.startsWith('/staff/councils/')) {
		pages.push(...(await linksFrom(page, body, /^\/staff\/councils\/\d+\/meetings\/\d+$/)));
	}
	pages.push(...(await linksFrom(page, '/staff/panels', /^\/staff\/panels\/\d+$/)));
	pages.push(...(await linksFrom(page, '/account/panels', /^\/account\/panels\/\d+$/)));
	pages.push(
		...(await linksFrom(page, '/staff/experts/register', /^\/staff\/experts\/register\/\d+$/))
	);
	pages.push(
		...(await linksFrom(page, '/staff/experts/requests', /^\/staff\/experts\/requests\/\d+$/))
	);
	pages.push(...(await linksFrom(page, '/staff/experts', /^\/staff\/experts\/match\/\d+$/)));
	pages.push(...(await linksFrom(page, '/staff/experts', /^\/staff\/experts\/assignments\/\d+$/)));
	expect(await tooWide(page, pages)).toEqual([]);
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
