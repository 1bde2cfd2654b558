import { describe, expect, it } from 'vitest';
import { LOCALES } from './index';
import { keysOf, translate } from '$lib/server/core/i18n/translate';
import { negotiateLocale } from '$lib/server/core/i18n/negotiate';

describe('message catalogues', () => {
	it('every locale has exactly the same keys (no text missing in Swedish or English)', () => {
		const fi = new Set(keysOf('fi'));
		expect(fi.size).toBeGreaterThan(50);
		for (const l of LOCALES) {
			const keys = new Set(keysOf(l));
			expect(
				[...fi].filter((k) => !keys.has(k)),
				`missing in ${l}`
			).toEqual([]);
			expect(
				[...keys].filter((k) => !fi.has(k)),
				`extra in ${l}`
			).toEqual([]);
		}
	});
	it('every text uses the same {parameters} in every language', () => {
		const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const k of keysOf('fi')) {
			const p = params(translate('fi', k));
			expect(params(translate('sv', k)), k).toEqual(p);
			expect(params(translate('en', k)), k).toEqual(p);
		}
	});
	it('fills parameters and shows an unknown key as is', () => {
		expect(translate('fi', 'core.nav.signedInAs', { name: 'Aino' })).toBe('Kirjautuneena: Aino');
		expect(translate('en', 'no.such.key')).toBe('no.such.key');
	});
	it('defaults to Finnish and honours the remembered choice', () => {
		expect(negotiateLocale(undefined)).toBe('fi');
		expect(negotiateLocale('sv')).toBe('sv');
		expect(negotiateLocale('de')).toBe('fi');
	});
});
