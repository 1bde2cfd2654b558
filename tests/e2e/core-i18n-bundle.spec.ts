/**
 * A page sends the browser only its own language and the messages it uses (issue 10): every
 * JavaScript file a page really loads is collected, and another language's text, a mail text or a
 * message of a page not shown must not be in it. Navigating in the browser to another page brings
 * that page's messages, in the same language, without falling back to the whole catalogue.
 */
import { readCatalogues } from '../../scripts/i18n/catalogue';
import { expect, test, type Page } from './fixtures';

const cats = readCatalogues();
const text = (locale: 'fi' | 'sv' | 'en', key: string) => {
	const t = cats[locale].get(key);
	if (!t) throw new Error(`no ${key} in ${locale}`);
	return t;
};

/** Records the JavaScript the page loads and the translator's warnings of missing messages. */
function watch(page: Page) {
	const scripts: Promise<string>[] = [];
	const misses: string[] = [];
	page.on('response', (res) => {
		if (res.url().endsWith('.js')) scripts.push(res.text().catch(() => ''));
	});
	page.on('console', (m) => {
		if (m.text().startsWith('[i18n]')) misses.push(m.text());
	});
	return { js: async () => (await Promise.all(scripts)).join('\n'), misses };
}

for (const [locale, others] of [
	['fi', ['sv', 'en']],
	['sv', ['fi', 'en']]
] as const) {
	test(`a ${locale} page loads its messages in ${locale} only, and no mail text`, async ({
		page,
		baseURL
	}) => {
		await page.context().addCookies([{ name: 'lang', value: locale, url: baseURL! }]);
		const w = watch(page);
		await page.goto('/auth/sign-in');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			text(locale, 'core.auth.signInTitle')
		);
		await page.waitForLoadState('networkidle');
		const js = await w.js();
		// Its own language: the layout's and the page's texts are there…
		expect(js).toContain(text(locale, 'core.site.skip'));
		expect(js).toContain(text(locale, 'core.auth.signInTitle'));
		// …the other languages' are not,
		for (const o of others) {
			expect(js).not.toContain(text(o, 'core.site.skip'));
			expect(js).not.toContain(text(o, 'core.auth.signInTitle'));
		}
		// nor mail texts, nor the texts of pages not shown.
		expect(js).not.toContain(text(locale, 'mail.verify_email.subject'));
		expect(js).not.toContain(text(locale, 'core.accessibility.intro'));
		expect(w.misses).toEqual([]);

		// A navigation in the browser brings the next page's messages, in the same language.
		await page
			.getByRole('contentinfo')
			.getByRole('link', { name: text(locale, 'core.footer.accessibility') })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			text(locale, 'core.accessibility.title')
		);
		await expect(page.getByText(text(locale, 'core.accessibility.intro'))).toBeVisible();
		await page.waitForLoadState('networkidle');
		const after = await w.js();
		expect(after).toContain(text(locale, 'core.accessibility.intro'));
		for (const o of others) expect(after).not.toContain(text(o, 'core.accessibility.intro'));
		expect(w.misses).toEqual([]);
	});
}
