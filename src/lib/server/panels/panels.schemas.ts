/**
 * Forms of the panels module, zod with i18n keys as messages. The rules that need the panel
 * (categories known, quotas adding up, the draw's order) are in panels.service.ts.
 */
import { fileField, int4Id, isRealDate, textField, z } from '$lib/validation';
import { MAX_CSV_BYTES } from './panels.types';

/** A category name: a pool attribute (`age_band`, `q12`) or a CSV column. */
export const CATEGORY_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export const panelSchema = z.object({
	question: textField(300),
	description: textField(4000, false).default(''),
	size: z.coerce
		.number({ error: 'panels.errors.size' })
		.int({ error: 'panels.errors.size' })
		.min(2, { error: 'panels.errors.size' })
		.max(1000, { error: 'panels.errors.size' }),
	categories: z
		.array(z.string().regex(CATEGORY_NAME, { error: 'panels.errors.category' }))
		.min(1, { error: 'panels.errors.noCategories' })
		.max(12, { error: 'panels.errors.category' }),
	householdRule: z.boolean().default(true),
	seedRule: textField(500, false).default('')
});
export type PanelInput = z.output<typeof panelSchema>;

/** Quotas as the engine's quotas file: `category,value,min,max`, one row per value. */
export const quotasSchema = z.object({
	quotas: textField(50_000)
});

export const importSchema = z.object({
	file: fileField(MAX_CSV_BYTES, 'panels.errors.noFile', 'panels.errors.tooLarge')
});

export const fromInvitationSchema = z.object({});

export const seedSchema = z.object({
	seed: z
		.string({ error: 'validation.required' })
		.trim()
		.min(1, { error: 'validation.required' })
		.max(200, { error: 'validation.tooLong' })
});

export const commitSchema = z.object({
	seedRule: textField(500)
});

export const memberActionSchema = z.object({
	volunteerId: int4Id(),
	action: z.enum(['invite', 'confirm', 'decline', 'withdraw'], { error: 'validation.invalid' })
});

export const replaceSchema = z.object({
	volunteerId: int4Id(),
	replacementId: int4Id()
});

/** The member's own answer to being drawn (account page). */
export const answerSchema = z.object({
	volunteerId: int4Id(),
	answer: z.enum(['confirm', 'decline', 'withdraw'], { error: 'validation.invalid' }),
	stayInPool: z.boolean().default(true)
});

export const sessionSchema = z.object({
	title: textField(200),
	heldOn: z
		.string({ error: 'validation.date' })
		.trim()
		.refine(isRealDate, { error: 'validation.date' }),
	agenda: textField(4000, false).default(''),
	materials: textField(4000, false).default(''),
	experts: textField(2000, false).default('')
});

export const attendanceSchema = z.object({
	sessionId: int4Id(),
	present: z.array(int4Id()).max(1000).default([])
});

export const pointSchema = z.object({
	body: textField(1000)
});

export const supportSchema = z.object({
	pointId: int4Id(),
	supports: z.enum(['yes', 'no'], { error: 'validation.invalid' })
});

export const removePointSchema = z.object({ pointId: int4Id() });

export const publishSchema = z.object({
	confirm: z
		.boolean()
		.default(false)
		.refine((v) => v, { error: 'panels.errors.confirmPublish' })
});

/** Fees of one session: travel km per present member (parallel lists; blank km = none). */
export const sessionFeesSchema = z.object({
	sessionId: int4Id(),
	volunteerIds: z.array(int4Id()).max(1000).default([]),
	km: z
		.array(
			z
				.string()
				.trim()
				.regex(/^(|\d{1,4}([.,]\d{1,2})?)$/, { error: 'panels.errors.km' })
		)
		.max(1000)
		.default([])
});
