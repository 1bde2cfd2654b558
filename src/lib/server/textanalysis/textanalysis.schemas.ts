/** Form schemas (zod; superforms validates with them). */
import { z } from 'zod';
import { TONE_IDS } from './textanalysis.types';
import { STAGES } from '../../../../ml/text-analysis/taxonomy';

const ref = z.string().regex(/^(response|case):[0-9a-f-]{1,40}$/, 'textanalysis.errors.ref');

/** One click: confirm the labels as they are. */
export const confirmSchema = z.object({ ref });

/** A correction: the tone, the themes and the stage as the handler sees them. */
export const correctSchema = z.object({
	ref,
	tone: z.enum(TONE_IDS, { message: 'textanalysis.errors.tone' }),
	themes: z
		.array(z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'textanalysis.errors.theme'))
		.max(20)
		.default([]),
	stage: z
		.enum(['', ...STAGES.map((s) => s.id)] as [string, ...string[]], {
			message: 'textanalysis.errors.stage'
		})
		.default('')
});

export const retrainSchema = z.object({});

export const themeEditSchema = z.object({
	id: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9_-]{1,39}$/, 'textanalysis.errors.themeId'),
	nameFi: z.string().trim().min(1, 'textanalysis.errors.name').max(120, 'textanalysis.errors.name'),
	nameSv: z.string().trim().max(120, 'textanalysis.errors.name').default(''),
	nameEn: z.string().trim().max(120, 'textanalysis.errors.name').default(''),
	active: z.boolean().default(false)
});

export const findingSchema = z.object({
	theme: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'textanalysis.errors.theme'),
	unit: z.coerce.number().int().positive('textanalysis.errors.unit').max(2147483647)
});

export type CorrectInput = z.infer<typeof correctSchema>;
export type ThemeEditInput = z.infer<typeof themeEditSchema>;
