/**
 * Automated WCAG 2.1 A/AA checks (axe-core) on the core pages, signed out and signed in, in all
 * three languages. Automated checks find about a third of issues; keyboard tests are elsewhere.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { DEMO, signIn } from './helpers';

async function expectNoViolations(page: Page, url: string) {
	await page.goto(url);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length}) ${v.help}`);
	expect(summary).toEqual([]);
}

const PUBLIC_PAGES = [
	'/',
	'/accessibility',
	'/privacy',
	'/auth/sign-in',
	'/auth/sign-up',
	'/auth/forgot',
	'/sanoitte-teimme',
	'/sanoitte-teimme/luvut',
	'/sanoitte-teimme/data'
];

for (const lang of ['Suomeksi', 'På svenska', 'In English']) {
	test(`public pages pass axe in ${lang}`, async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: lang }).click();
		for (const url of PUBLIC_PAGES) await expectNoViolations(page, url);
	});
}

test('signed-in pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.admin);
	for (const url of [
		'/account',
		'/staff',
		'/admin',
		'/admin/people',
		'/admin/people/new',
		'/admin/audit',
		'/staff/pool',
		'/staff/pool/representation',
		'/staff/pool/invitations',
		'/staff/feedback',
		'/staff/feedback/cases',
		'/staff/conversations',
		'/staff/feedback/themes',
		'/staff/impact',
		'/staff/impact/findings/1',
		'/staff/impact/decisions',
		'/staff/impact/metric'
	])
		await expectNoViolations(page, url);
});

test('form errors are announced next to the field', async ({ page }) => {
	await page.goto('/auth/sign-up');
	await page.getByRole('button', { name: 'Luo tunnus' }).click();
	const email = page.getByLabel('Sähköposti');
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	const describedBy = await email.getAttribute('aria-describedby');
	expect(describedBy).toContain('f-email-error');
	await expect(page.locator('#f-email-error')).toHaveText('Tämä tieto tarvitaan.');
	await expectNoViolations(page, '/auth/sign-up');
});

test('the skip link and the keyboard reach the main content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Siirry sisältöön' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#main')).toBeFocused();
});

test('module pages with charts and wide tables pass axe', async ({ page }) => {
	await page.goto('/conversations');
	const href = await page.locator('main a[href^="/conversations/"]').first().getAttribute('href');
	await page.goto('/sanoitte-teimme');
	const activity = await page
		.locator('main a[href^="/sanoitte-teimme/"][href*="#finding-"]')
		.first()
		.getAttribute('href');
	for (const url of [
		activity!.split('#')[0],
		'/nps',
		'/nps/outpatient',
		'/feedback/direct',
		'/feedback?q=terveysasema',
		'/feedback/kiosk/palveluasuminen-nokia',
		'/pool',
		`${href}/map`,
		`${href}/report`,
		`${href}/report?sort=agree&dir=desc`
	])
		await expectNoViolations(page, url);
});

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
	const lum = (c: string) => {
		const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
		const ch = (v: number) => {
			const s = v / 255;
			return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
		};
		return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(bl);
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

test('the keyboard focus ring has 3:1 contrast on white and on the brand header', async ({
	page
}) => {
	await page.goto('/');
	for (const target of [
		page.getByRole('link', { name: 'Saavutettavuusseloste' }),
		page.getByRole('button', { name: 'På svenska' })
	]) {
		await target.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		const style = await target.evaluate((el) => {
			const cs = getComputedStyle(el);
			// The background the ring is drawn on: the nearest ancestor with a colour.
			let bg = 'rgb(255, 255, 255)';
			for (let n = el.parentElement; n; n = n.parentElement) {
				const c = getComputedStyle(n).backgroundColor;
				if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
					bg = c;
					break;
				}
			}
			return {
				outline: cs.outlineColor,
				width: cs.outlineWidth,
				shadow: cs.boxShadow.match(/rgba?\([^)]+\)/)?.[0] ?? '',
				bg
			};
		});
		expect(style.width).toBe('3px');
		const best = Math.max(contrast(style.outline, style.bg), contrast(style.shadow, style.bg));
		expect(best).toBeGreaterThanOrEqual(3);
	}
});
