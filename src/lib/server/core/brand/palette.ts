/**
 * The colours the county's primary colour is drawn with and on, from suomifi-design-tokens (the
 * same tokens `src/app.css` maps), and the WCAG 2.1 AA rules a deployment's colour must meet.
 */
import { suomifiDesignTokens as t } from 'suomifi-design-tokens';
import { contrast, darken, parseColour, toHex, type Rgb } from './colour';

const token = (c: string): Rgb => parseColour(c)!;

/** The default: the design system's dark highlight blue (7:1 with white text). */
export const DEFAULT_PRIMARY = toHex(token(t.colors.highlightDark1));
/** The header's lower band and hover colour: the primary colour with this share of black. */
export const DARK_SHARE = 0.3;

const WHITE = token(t.colors.whiteBase);
/** Light backgrounds the primary colour is text (links) on: `--c-bg`, `--c-surface`, `--c-hero`. */
export const LIGHT_BACKGROUNDS: readonly [string, Rgb][] = [
	['white', WHITE],
	['the light surface', token(t.colors.depthLight3)],
	['the front-page hero', token(t.colors.highlightLight4)]
];
/** The two bands of the focus ring (app.css `--focus-inner`, `--focus-outer`; WCAG C40). */
export const FOCUS_INNER = token(t.colors.blackBase);
export const FOCUS_OUTER: Rgb = [0xff, 0xbf, 0x47];

const ratio = (n: number) => `${(Math.floor(n * 100) / 100).toFixed(2)}:1`;

/**
 * Why `value` cannot be the primary colour, or null when it can: it must be `#rrggbb`, carry
 * white text at 4.5:1, be readable as link text (4.5:1) and visible as a border or focus ring
 * (3:1) on every light background, and one band of the focus ring must reach 3:1 on it and on
 * its darker shade (the header).
 */
export function primaryColourProblem(value: string): string | null {
	if (!/^#[0-9a-f]{6}$/i.test(value)) return 'must be a colour written #rrggbb';
	const c = parseColour(value)!;
	const white = contrast(c, WHITE);
	if (white < 4.5)
		return `white text on ${value} has contrast ${ratio(white)}, WCAG AA needs 4.5:1: choose a darker colour`;
	for (const [name, bg] of LIGHT_BACKGROUNDS) {
		const r = contrast(c, bg);
		if (r < 4.5)
			return `${value} as link text on ${name} has contrast ${ratio(r)}, WCAG AA needs 4.5:1 (and 3:1 as a border or focus ring): choose a darker colour`;
	}
	for (const shade of [c, darken(c, DARK_SHARE)]) {
		const ring = Math.max(contrast(FOCUS_INNER, shade), contrast(FOCUS_OUTER, shade));
		if (ring < 3)
			return `the focus ring on ${toHex(shade)} has contrast ${ratio(ring)}, WCAG AA needs 3:1: choose a lighter or darker colour`;
	}
	return null;
}

/** The custom properties the server writes into every page's head for the county's colour. */
export function primaryColourStyle(value: string): string {
	const c = parseColour(value)!;
	return `:root{--c-brand:${toHex(c)};--c-brand-dark:${toHex(darken(c, DARK_SHARE))}}`;
}
