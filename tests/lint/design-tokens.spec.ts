/**
 * The portal's palette (src/app.css) is drawn from suomifi-design-tokens: the generated token
 * file is what scripts/design/tokens.ts writes from the installed package, the default primary
 * colour is the one the server writes, and every text/background pair and the focus ring reach
 * WCAG AA contrast on every background of the palette.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKENS_FILE, tokensSource } from '../../scripts/design/tokens';
import { contrast, parseColour, type Rgb } from '../../src/lib/server/core/brand/colour';
import { DEFAULT_PRIMARY, primaryColourStyle } from '../../src/lib/server/core/brand';

const ROOT = path.resolve(import.meta.dirname, '../..');
const appCss = fs.readFileSync(path.join(ROOT, 'src/app.css'), 'utf8');
const tokensCss = fs.readFileSync(TOKENS_FILE, 'utf8');

/** `--name: value;` declarations of a stylesheet's first :root block. */
function declarations(css: string): Map<string, string> {
	const root = css.slice(css.indexOf(':root {'));
	const block = root.slice(0, root.indexOf('\n}'));
	return new Map([...block.matchAll(/^\s*(--[\w-]+):\s*([^;]+);/gm)].map((m) => [m[1], m[2]]));
}
const tokens = declarations(tokensCss);
const app = declarations(appCss);

function colour(name: string): Rgb {
	let v = app.get(name) ?? tokens.get(name);
	for (let m; v && (m = /^var\((--[\w-]+)\)$/.exec(v));) v = app.get(m[1]) ?? tokens.get(m[1]);
	const c = v && parseColour(v);
	if (!c) throw new Error(`${name} is no colour (${v})`);
	return c;
}

describe('design tokens', () => {
	it('the token file is what scripts/design/tokens.ts writes from the installed package', () => {
		expect(tokensCss, 'run: npx tsx scripts/design/tokens.ts').toBe(tokensSource());
	});

	it('app.css maps its colours to the tokens, apart from the county colour and the focus yellow', () => {
		const own = [...app].filter(([k, v]) => k.startsWith('--c-') && !v.startsWith('var(--fi-'));
		expect(own.map(([k]) => k).sort()).toEqual(['--c-brand', '--c-brand-dark']);
	});

	it("app.css's default county colour is the one the server writes", () => {
		expect(primaryColourStyle(DEFAULT_PRIMARY)).toBe(
			`:root{--c-brand:${app.get('--c-brand')};--c-brand-dark:${app.get('--c-brand-dark')}}`
		);
	});

	const backgrounds = [
		'--c-bg',
		'--c-surface',
		'--c-hero',
		'--c-info-bg',
		'--c-error-bg',
		'--c-success-bg'
	];
	const texts = ['--c-text', '--c-muted', '--c-brand', '--c-brand-dark', '--c-error'];
	// Colours only drawn as borders or marks (WCAG 1.4.11: 3:1).
	const borders = ['--c-border', '--c-success', '--c-brand', '--c-error'];
	for (const bg of backgrounds)
		it(`text reaches 4.5:1, borders and the focus ring 3:1, on ${bg}`, () => {
			for (const fg of texts)
				expect(contrast(colour(fg), colour(bg)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
			for (const b of borders)
				expect(contrast(colour(b), colour(bg)), `${b} on ${bg}`).toBeGreaterThanOrEqual(3);
			const ring = Math.max(
				contrast(colour('--focus-inner'), colour(bg)),
				contrast(colour('--focus-outer'), colour(bg))
			);
			expect(ring).toBeGreaterThanOrEqual(3);
		});

	it('white text and the focus ring read on the county colour and its dark shade', () => {
		for (const bg of ['--c-brand', '--c-brand-dark']) {
			expect(contrast(colour('--fi-color-white-base'), colour(bg))).toBeGreaterThanOrEqual(4.5);
			const ring = Math.max(
				contrast(colour('--focus-inner'), colour(bg)),
				contrast(colour('--focus-outer'), colour(bg))
			);
			expect(ring, bg).toBeGreaterThanOrEqual(3);
		}
	});
});
