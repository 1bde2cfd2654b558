/** Validation of the pool's forms and CSV rows; messages are i18n keys. */
import { emailField, int4Id, textField, z } from '$lib/validation';
import { GENDERS, LANGUAGES, MIN_AGE, MODES } from './pool.types';
import { LOCALES } from '$lib/i18n';

const thisYear = () => new Date().getFullYear();
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z.union([z.enum(values, { error: 'validation.invalid' }), z.literal('')]).default('');

export const birthYearField = z.coerce
	.number({ error: 'validation.required' })
	.int({ error: 'pool.errors.birthYear' })
	.refine((y) => y >= 1900 && y <= thisYear() - MIN_AGE, { error: 'pool.errors.birthYear' });

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
	birthYear: birthYearField,
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
	activityType: z.enum(['conversation', 'panel', 'council', 'survey', 'workshop', 'other']),
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
	memberIds: z.string().default('')
});

export const questionSchema = z.object({
	labelFi: textField(300),
	labelSv: textField(300),
	labelEn: textField(300),
	/** One option a line: `value;fi;sv;en`. */
	options: textField(4000)
});
