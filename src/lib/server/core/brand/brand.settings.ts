/**
 * The county's identity (README, "Configuration"): its name in the three languages, its logo and
 * its primary colour. Validated with the other settings at start, so a colour that would make
 * white text, links or the focus ring unreadable stops the server with a message naming it.
 */
import { z } from 'zod';
import { textSetting } from '../settings';
import { DEFAULT_PRIMARY, primaryColourProblem } from './palette';

/** A path under static/ (served from the portal's own origin: the CSP allows nothing else). */
const LOGO_PATH = /^\/(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+\.(svg|png|webp)$/;

export const brandSettingsSchema = z.object({
	BRAND_NAME_FI: textSetting('Pirkanmaan hyvinvointialue'),
	BRAND_NAME_SV: textSetting('Birkalands välfärdsområde'),
	BRAND_NAME_EN: textSetting('Pirkanmaa Wellbeing Services County'),
	BRAND_LOGO: textSetting('/brand/logo.svg').refine((v) => LOGO_PATH.test(v), {
		error: 'must be a path under static/ such as /brand/logo.svg (an .svg, .png or .webp file)'
	}),
	BRAND_PRIMARY_COLOR: textSetting(DEFAULT_PRIMARY)
		.transform((v) => v.trim().toLowerCase())
		.superRefine((v, ctx) => {
			const problem = primaryColourProblem(v);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		})
});

export type BrandSettings = z.output<typeof brandSettingsSchema>;
