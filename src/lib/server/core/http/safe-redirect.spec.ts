import { expect, it } from 'vitest';
import { safeRedirectTarget } from './safe-redirect';

it('allows same-site paths only', () => {
	expect(safeRedirectTarget('/account?x=1')).toBe('/account?x=1');
	expect(safeRedirectTarget('//evil.example')).toBe('/');
	expect(safeRedirectTarget('/\\evil.example')).toBe('/');
	expect(safeRedirectTarget('https://evil.example')).toBe('/');
	expect(safeRedirectTarget(null, '/home')).toBe('/home');
});
