/**
 * The end-to-end suite's `test`: every page any test opens is watched, and a test fails when a
 * page throws (`pageerror`) or logs a console error. Hydration errors such as Svelte's
 * `props_invalid_value` only show there, and they broke the direct-feedback form for every
 * browser with JavaScript while all tests passed (issue 11).
 *
 * Allowed: Chromium's own "Failed to load resource" lines for a deliberate 4xx answer that a
 * test asserts (403 pages, refused forms) and for a network a test cut itself
 * (`context.setOffline`, the kiosk's offline queue). A test that provokes another error on
 * purpose lists it with `test.use({ allowedConsoleErrors: [/…/] })`.
 */
import {
	test as base,
	expect,
	request,
	type APIRequestContext,
	type APIResponse,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';

export { expect, request };
export type { APIRequestContext, APIResponse, Browser, BrowserContext, Page };

const ALWAYS_ALLOWED = [
	/^Failed to load resource: the server responded with a status of 4\d\d/,
	/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/
];

export const test = base.extend<{ allowedConsoleErrors: RegExp[]; pageGuard: void }>({
	allowedConsoleErrors: [[], { option: true }],
	pageGuard: [
		async ({ browser, context, allowedConsoleErrors }, use) => {
			const problems: string[] = [];
			const allowed = [...ALWAYS_ALLOWED, ...allowedConsoleErrors];
			const watch = (page: Page) => {
				page.on('console', (m) => {
					if (m.type() !== 'error') return;
					const text = m.text();
					if (!allowed.some((r) => r.test(text)))
						problems.push(`console error on ${page.url()}: ${text}`);
				});
				page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
			};
			const watchContext = (ctx: BrowserContext) => {
				ctx.pages().forEach(watch);
				ctx.on('page', watch);
				return ctx;
			};
			watchContext(context);
			// Tests also open their own contexts (JavaScript off, a second participant): watch those too.
			const newContext = browser.newContext.bind(browser);
			const newPage = browser.newPage.bind(browser);
			browser.newContext = async (options) => watchContext(await newContext(options));
			browser.newPage = async (options) => {
				const page = await newPage(options);
				watch(page);
				return page;
			};
			try {
				await use();
			} finally {
				browser.newContext = newContext;
				browser.newPage = newPage;
			}
			expect(problems, 'pages logged errors').toEqual([]);
		},
		{ auto: true }
	]
});
