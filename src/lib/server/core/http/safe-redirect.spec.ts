import { expect, it } from 'vitest';
import { safeRedirectTarget } from './safe-redirect';

it('allows same-site paths only', () => {
	expect(safeRedirectTarget('/account?x=1')).toBe('/account?x=1');
	expect(safeRedirectTarget('//evil.example')).toBe('/');
	expect(safeRedirectTarget('/\\evil.example')).toBe('/');
	expect(safeRedirectTarget('https://evil.example')).toBe('/');
	expect(safeRedirectTarget(null, '/home')).toBe('/home');
});

it('refuses the forms browsers normalise into another site', () => {
	for (const t of [
		'/\\/evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/x\\..\\\\evil.example',
		'/\u0000/evil.example'
	])
		expect(safeRedirectTarget(t), JSON.stringify(t)).toBe('/');
	// Percent-encoded slashes stay a path on this site.
	expect(safeRedirectTarget('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
});
