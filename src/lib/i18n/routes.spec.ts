import { describe, expect, it } from 'vitest';
import { readCatalogues } from '../../../scripts/i18n/catalogue';
import { NO_ROUTE, routeKeys } from '../../../scripts/i18n/routes';

const cats = readCatalogues();
const all = [...cats.fi.keys()];
const routes = routeKeys(all);

describe('route message analysis (scripts/i18n/routes.ts)', () => {
	it('covers every page, and no page gets a mail text', () => {
		expect(routes.get('/')).toBeDefined();
		expect(routes.get('/staff/pool/invitations/[id=int]')).toBeDefined();
		expect(routes.get(NO_ROUTE)).toBeDefined();
		for (const [route, keys] of routes)
			expect(
				keys.filter((k) => k.startsWith('mail.')),
				route
			).toEqual([]);
	});

	it('selects the keys of the page, its layouts, its components and its groups', () => {
		const signIn = new Set(routes.get('/auth/sign-in'));
		// root layout, the page itself, a validation message superforms shows in the browser
		for (const k of ['core.nav.home', 'core.site.skip', 'validation.required'])
			expect(signIn.has(k), k).toBe(true);
		expect([...signIn].some((k) => k.startsWith('core.auth.'))).toBe(true);
		// keyIn('pool.gender', …) in the page selects the whole group
		const data = new Set(routes.get('/account/pool/data'));
		for (const k of all.filter((k) => k.startsWith('pool.gender.')))
			expect(data.has(k), k).toBe(true);
	});

	it('sends a page far fewer keys than the catalogue has', () => {
		const home = routes.get('/')!;
		expect(home.length).toBeLessThan(all.length / 4);
		expect(home.some((k) => k.startsWith('pool.staff.'))).toBe(false);
	});
});
