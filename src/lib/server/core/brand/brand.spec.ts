import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SettingsError, validateSettings, parseSettings } from '../settings';
import { coreSettingsSchema } from '../core.settings';
import { brandSettingsSchema } from './brand.settings';
import { brandHeadStyle, pageBrand } from '.';
import { contrast, darken, parseColour, toHex } from './colour';
import {
	DARK_SHARE,
	DEFAULT_PRIMARY,
	FOCUS_INNER,
	FOCUS_OUTER,
	LIGHT_BACKGROUNDS,
	primaryColourProblem
} from './palette';

const WHITE = parseColour('#ffffff')!;

function refusal(env: Record<string, string>): SettingsError {
	try {
		validateSettings([coreSettingsSchema, brandSettingsSchema], env);
	} catch (e) {
		if (e instanceof SettingsError) return e;
		throw e;
	}
	throw new Error('no SettingsError');
}

describe('colour arithmetic', () => {
	it('reads hex and the tokens’ hsl() values, and computes WCAG contrast', () => {
		expect(parseColour('#235A9A')).toEqual([0x23, 0x5a, 0x9a]);
		expect(parseColour('#fff')).toEqual([255, 255, 255]);
		expect(toHex(parseColour('hsl(212, 63%, 37%)')!)).toBe('#235a9a');
		expect(parseColour('blue')).toBeNull();
		expect(contrast(WHITE, parseColour('#000000')!)).toBeCloseTo(21, 5);
		expect(contrast(WHITE, parseColour('#767676')!)).toBeCloseTo(4.54, 2);
	});
});

describe('BRAND_ settings', () => {
	it('defaults to the demo county, the drawn logo and an accessible colour', () => {
		const s = parseSettings(brandSettingsSchema, {});
		expect(s).toEqual({
			BRAND_NAME_FI: 'Pirkanmaan hyvinvointialue',
			BRAND_NAME_SV: 'Birkalands välfärdsområde',
			BRAND_NAME_EN: 'Pirkanmaa Wellbeing Services County',
			BRAND_LOGO: '/brand/logo.svg',
			BRAND_PRIMARY_COLOR: DEFAULT_PRIMARY
		});
		expect(primaryColourProblem(DEFAULT_PRIMARY)).toBeNull();
	});

	it.each([
		['#ffbf47', 'white text on #ffbf47 has contrast 1.64:1, WCAG AA needs 4.5:1'],
		// 4.5:1 with white, yet too light as link text on the light surface.
		['#767676', '#767676 as link text on the light surface has contrast 4.24:1'],
		['#2e78cc', 'white text on #2e78cc has contrast 4.49:1'],
		['navy', 'must be a colour written #rrggbb'],
		['#12345', 'must be a colour written #rrggbb']
	])('stops the start on BRAND_PRIMARY_COLOR=%s, naming the variable', (value, message) => {
		const e = refusal({ BRAND_PRIMARY_COLOR: value });
		expect(e.problems).toEqual([
			{ variable: 'BRAND_PRIMARY_COLOR', message: expect.stringContaining(message) }
		]);
		expect(e.message).toContain('BRAND_PRIMARY_COLOR: ');
	});

	it('takes a dark enough colour, in either case', () => {
		const s = parseSettings(brandSettingsSchema, { BRAND_PRIMARY_COLOR: '#6A1B4D' });
		expect(s.BRAND_PRIMARY_COLOR).toBe('#6a1b4d');
	});

	it.each(['logo.svg', '/../etc/passwd.svg', 'https://example.org/logo.svg', '/brand/logo.gif'])(
		'refuses BRAND_LOGO=%s',
		(value) => {
			expect(refusal({ BRAND_LOGO: value }).problems.map((p) => p.variable)).toEqual([
				'BRAND_LOGO'
			]);
		}
	);

	it('suggests the meant name for a misspelt BRAND_ variable', () => {
		expect(refusal({ BRAND_PRIMARY_COLOUR: '#003366' }).problems).toEqual([
			{
				variable: 'BRAND_PRIMARY_COLOUR',
				message: 'unknown setting (did you mean BRAND_PRIMARY_COLOR?)'
			}
		]);
	});

	it('gives pages the name in their language, and the head style the colour and its shade', () => {
		process.env.BRAND_NAME_SV = 'Testlands välfärdsområde';
		process.env.BRAND_PRIMARY_COLOR = '#003366';
		try {
			expect(pageBrand('sv')).toEqual({
				name: 'Testlands välfärdsområde',
				logo: '/brand/logo.svg'
			});
			expect(pageBrand('fi').name).toBe('Pirkanmaan hyvinvointialue');
			expect(brandHeadStyle()).toBe(
				`<style>:root{--c-brand:#003366;--c-brand-dark:${toHex(darken([0, 0x33, 0x66], DARK_SHARE))}}</style>`
			);
		} finally {
			delete process.env.BRAND_NAME_SV;
			delete process.env.BRAND_PRIMARY_COLOR;
		}
	});

	it('every colour it takes carries white text, reads on every light background and shows the focus ring', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
				const hex = '#' + n.toString(16).padStart(6, '0');
				if (primaryColourProblem(hex) !== null) return;
				const c = parseColour(hex)!;
				expect(contrast(c, WHITE)).toBeGreaterThanOrEqual(4.5);
				for (const [, bg] of LIGHT_BACKGROUNDS) expect(contrast(c, bg)).toBeGreaterThanOrEqual(4.5);
				for (const shade of [c, darken(c, DARK_SHARE)]) {
					expect(contrast(shade, WHITE)).toBeGreaterThanOrEqual(4.5);
					const ring = Math.max(contrast(FOCUS_INNER, shade), contrast(FOCUS_OUTER, shade));
					expect(ring).toBeGreaterThanOrEqual(3);
				}
			}),
			{ numRuns: 5000 }
		);
	});
});
