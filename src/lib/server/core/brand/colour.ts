/**
 * Colour arithmetic for the county's brand colour: parsing `#rrggbb` and the `hsl()` values of
 * suomifi-design-tokens, WCAG 2.1 relative luminance and contrast ratio, and mixing with black.
 */

export type Rgb = readonly [number, number, number];

/** `#rrggbb`, `#rgb` or `hsl(h, s%, l%)`; null for anything else. */
export function parseColour(text: string): Rgb | null {
	const s = text.trim().toLowerCase();
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
	if (hex) {
		const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
		return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
	}
	const hsl = /^hsl\(\s*([\d.]+)\s*,\s*([\d.]+)%\s*,\s*([\d.]+)%\s*\)$/.exec(s);
	if (hsl) return hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100);
	return null;
}

function hslToRgb(h: number, s: number, l: number): Rgb {
	const c = (1 - Math.abs(2 * l - 1)) * s;
	const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
	const m = l - c / 2;
	const [r, g, b] =
		h < 60
			? [c, x, 0]
			: h < 120
				? [x, c, 0]
				: h < 180
					? [0, c, x]
					: h < 240
						? [0, x, c]
						: h < 300
							? [x, 0, c]
							: [c, 0, x];
	return [r, g, b].map((v) => Math.round((v + m) * 255)) as unknown as Rgb;
}

export function toHex(c: Rgb): string {
	return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** WCAG 2.1 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
	const ch = (v: number) => {
		const s = v / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
}

/** WCAG 2.1 contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** `c` mixed with black: `share` of black (0 to 1). Darker keeps white text readable. */
export function darken(c: Rgb, share: number): Rgb {
	return c.map((v) => Math.round(v * (1 - share))) as unknown as Rgb;
}
