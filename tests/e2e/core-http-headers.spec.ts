/** Redirect and caching rules over real HTTP, against the built server. */
import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

test('the language switch never redirects to another site', async ({ request, baseURL }) => {
	for (const target of ['/\\evil.example', '//evil.example', '/\t/evil.example']) {
		const r = await request.post('/language', {
			form: { lang: 'sv', redirectTo: target },
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
		expect(r.status(), JSON.stringify(target)).toBe(303);
		expect(r.headers()['location']).toBe('/');
	}
});

test('pages for a signed-in person and the personal areas are not cached', async ({ page }) => {
	const anon = await page.goto('/');
	expect(anon?.headers()['cache-control'] ?? '').not.toContain('no-store');
	// Served over plain http here: no HSTS header.
	expect(anon?.headers()['strict-transport-security']).toBeUndefined();
	const signInPage = await page.goto('/auth/sign-in?next=/account');
	expect(signInPage?.status()).toBe(200);

	await signIn(page, DEMO.pool);
	for (const path of ['/', '/account', '/staff/pool']) {
		const r = await page.goto(path);
		expect(r?.status(), path).toBe(200);
		expect(r?.headers()['cache-control'], path).toBe('no-store');
	}
	const csv = await page.request.get('/staff/pool/export.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['cache-control']).toBe('no-store');
});
