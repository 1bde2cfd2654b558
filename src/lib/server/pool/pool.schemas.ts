/** Validation of the pool's forms and CSV rows; messages are i18n keys. */
import { emailField, fileField, int4Id, passwordField, textField, z } from '$lib/validation';
import { MAX_UPLOAD_BYTES } from '../core/http/upload-limit';
import { ACTIVITY_TYPES, ANSWERS, GENDERS, LANGUAGES, MIN_AGE, MODES } from './pool.types';
import { LOCALES } from '$lib/i18n';

const thisYear = () => new Date().getFullYear();
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z.union([z.enum(values, { error: 'validation.invalid' }), z.literal('')]).default('');

export const birthYearField = z.coerce
	.number({ error: 'validation.required' })
	.int({ error: 'pool.errors.birthYear' })
	.refine((y) => y >= 1900 && y <= thisYear() - MIN_AGE, { error: 'pool.errors.birthYear' });

/**
 * The form's birth year is optional to superforms and required by the refinement: superforms
 * fills a failed required number with its default, so after a refused submit without JavaScript
 * the field showed "0" instead of staying empty. Callers read it after `form.valid` as a number.
 */
const formBirthYear = birthYearField
	.optional()
	.refine((y) => y !== undefined, { error: 'validation.required' });

export const profileSchema = z.object({
	name: textField(120),
	email: emailField,
	phone: z
		.string()
		.trim()
		.max(40, { error: 'validation.tooLong' })
		.regex(/^[+0-9 ()-]*$/, { error: 'pool.errors.phone' })
		.default(''),
	// Existence is checked against the municipality table (unknownReferences); the length here.
	municipality: z
		.string({ error: 'validation.required' })
		.trim()
		.min(1, { error: 'validation.required' })
		.max(10, { error: 'pool.import.unknownMunicipality' }),
	birthYear: formBirthYear,
	gender: optionalEnum(GENDERS),
	motherTongue: optionalEnum(LANGUAGES),
	locale: z.enum(LOCALES).default('fi'),
	serviceLines: z.array(int4Id()).max(20).default([]),
	topics: textField(1000, false).default(''),
	modes: z.array(z.enum(MODES)).max(3).default([]),
	accessibility: textField(1000, false).default('')
});

export const joinSchema = profileSchema.extend({
	consent: z.boolean().refine((v) => v, { error: 'pool.errors.consent' })
});

/**
 * The confirmation page's optional password: left empty, the membership is confirmed without an
 * account; given, it follows the sign-up rules (length, typed twice).
 */
export const confirmJoinSchema = z
	.object({
		password: z.string().max(200, { error: 'validation.passwordTooLong' }).default(''),
		passwordConfirm: z.string().max(200).default('')
	})
	.superRefine((d, ctx) => {
		if (!d.password && !d.passwordConfirm) return;
		const checked = passwordField.safeParse(d.password);
		if (!checked.success)
			for (const issue of checked.error.issues)
				ctx.addIssue({ code: 'custom', path: ['password'], message: issue.message });
		else if (d.password !== d.passwordConfirm)
			ctx.addIssue({
				code: 'custom',
				path: ['passwordConfirm'],
				message: 'validation.passwordMismatch'
			});
	});

/** One row of a member import (a paper sign-up sheet typed into a spreadsheet). */
export const importRowSchema = z.object({
	name: textField(120),
	email: emailField,
	phone: z
		.string()
		.trim()
		.max(40, { error: 'validation.tooLong' })
		.regex(/^[+0-9 ()-]*$/, { error: 'pool.errors.phone' })
		.default(''),
	municipality: z.string().trim().min(1, { error: 'validation.required' }),
	birth_year: birthYearField,
	gender: optionalEnum(GENDERS),
	mother_tongue: optionalEnum(LANGUAGES),
	locale: z.union([z.enum(LOCALES), z.literal('')]).default('')
});
export type ImportRow = z.output<typeof importRowSchema>;

export const invitationSchema = z.object({
	activityType: z.enum(ACTIVITY_TYPES),
	activityId: textField(100, false).default(''),
	title: textField(200),
	messageFi: textField(4000),
	messageSv: textField(4000, false).default(''),
	messageEn: textField(4000, false).default(''),
	deadline: z
		.string({ error: 'validation.required' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.invalid' }),
	/** Empty = no limit; kept as text so an empty field is valid. */
	maxAccepted: z
		.string()
		.trim()
		.regex(/^([1-9]\d{0,5})?$/, { error: 'validation.invalid' })
		.default(''),
	memberIds: z.string().max(100_000, { error: 'validation.tooLong' }).default(''),
	/** The member search's filters, when no members were hand-picked. */
	filterQuery: z.string().max(4000, { error: 'validation.tooLong' }).default('')
});
export type InvitationForm = z.output<typeof invitationSchema>;

export const questionSchema = z.object({
	labelFi: textField(300),
	labelSv: textField(300),
	labelEn: textField(300),
	/** One option a line: `value;fi;sv;en`. */
	options: textField(4000)
});

/** A member's answer to an invitation: on their own page (with the recipient id) or by link. */
export const answerSchema = z.object({
	answer: z.enum(ANSWERS, { error: 'validation.invalid' }),
	/** Needs for this activity (diet, interpreter, access); kept with a "yes" only. */
	needs: textField(500, false).default('')
});
export const ownAnswerSchema = answerSchema.extend({ id: int4Id() });

/** The member import form: a CSV, and the coordinator's word that every member consented. */
export const memberImportSchema = z.object({
	file: fileField(MAX_UPLOAD_BYTES, 'pool.import.noFile', 'pool.import.tooLarge'),
	consentKept: z.boolean().default(false)
});

/** Population figures for representativeness (a small CSV). */
export const POPULATION_MAX_BYTES = 2 * 1024 * 1024;
export const populationSchema = z.object({
	file: fileField(POPULATION_MAX_BYTES, 'pool.import.noFile', 'pool.import.tooLarge')
});

/** A background question switched on or off. */
export const questionToggleSchema = z.object({
	id: int4Id(),
	active: z.enum(['true', 'false'], { error: 'validation.invalid' })
});

/** Erasing one's own membership needs the confirmation box ticked. */
export const eraseSchema = z.object({
	confirm: z.boolean().refine((v) => v, { error: 'pool.errors.eraseConfirm' })
});
