/**
 * The county's identity for the pages: name in the page's language, logo, and the head style
 * that sets the primary colour (settings in brand.settings.ts, colour rules in palette.ts).
 */
import type { Locale } from '$lib/i18n';
import { settingsReader } from '../settings';
import { brandSettingsSchema } from './brand.settings';
import { primaryColourStyle } from './palette';

export { brandSettingsSchema, type BrandSettings } from './brand.settings';
export { DEFAULT_PRIMARY, primaryColourProblem, primaryColourStyle } from './palette';

export const brandSettings = settingsReader(brandSettingsSchema);

export interface PageBrand {
	/** The county's name in the page's language. */
	name: string;
	/** Path of the logo under static/. */
	logo: string;
}

export function pageBrand(locale: Locale): PageBrand {
	const s = brandSettings();
	const name = { fi: s.BRAND_NAME_FI, sv: s.BRAND_NAME_SV, en: s.BRAND_NAME_EN }[locale];
	return { name, logo: s.BRAND_LOGO };
}

/** A `<style>` for the head: the primary colour and its darker shade as custom properties. */
export function brandHeadStyle(): string {
	return `<style>${primaryColourStyle(brandSettings().BRAND_PRIMARY_COLOR)}</style>`;
}
