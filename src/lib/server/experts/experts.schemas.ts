/**
 * The experts module's forms, zod with i18n keys as messages (one schema for every language).
 * Rules that need the database (double booking, who may answer) are in experts.service.ts.
 */
import { TZDate } from '@date-fns/tz';
import { z, textField, isRealDate, int4Id } from '$lib/validation';
import { HELSINKI } from '../core/time';
import { AREAS, AREA_VALUES, KINDS, LANGUAGES, MEETING, WAYS } from './experts.types';

const optionalDay = z
	.string()
	.trim()
	.refine((s) => s === '' || isRealDate(s), { error: 'validation.date' })
	.default('');

const euros = (key = 'experts.errors.amount') =>
	z.number({ error: key }).min(0, { error: key }).max(100000, { error: key });

/** The expert's own profile (/account/experts). */
export const profileSchema = z
	.object({
		kind: z.enum(KINDS, { error: 'experts.errors.kind' }),
		firstName: textField(60),
		phone: textField(40, false).default(''),
		areas: z
			.array(z.enum(AREA_VALUES))
			.min(1, { error: 'experts.errors.areas' })
			.max(AREA_VALUES.length)
			.default([]),
		services: textField(1000, false).default(''),
		languages: z
			.array(z.enum(LANGUAGES))
			.min(1, { error: 'experts.errors.languages' })
			.max(LANGUAGES.length)
			.default([]),
		municipalities: z
			.array(z.string().regex(/^\d{3}$/))
			.max(60)
			.default([]),
		ways: z
			.array(z.enum(WAYS))
			.min(1, { error: 'experts.errors.ways' })
			.max(WAYS.length)
			.default([]),
		meeting: z
			.array(z.enum(MEETING))
			.min(1, { error: 'experts.errors.meeting' })
			.max(MEETING.length)
			.default([]),
		availableFrom: optionalDay,
		availableUntil: optionalDay
	})
	.superRefine((v, ctx) => {
		if (v.availableFrom && v.availableUntil && v.availableUntil < v.availableFrom)
			ctx.addIssue({
				code: 'custom',
				path: ['availableUntil'],
				message: 'experts.errors.untilBeforeFrom'
			});
	});
export type ProfileInput = z.infer<typeof profileSchema>;

/** A completed training, with its date (not in the future). */
export const trainingSchema = z.object({
	name: textField(200),
	completedOn: z
		.string({ error: 'validation.date' })
		.trim()
		.refine(isRealDate, { error: 'validation.date' })
});
export type TrainingInput = z.infer<typeof trainingSchema>;

/** "HH:MM", 00:00 … 23:59. */
const clock = z
	.string({ error: 'experts.errors.time' })
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'experts.errors.time' });

/** The Helsinki wall-clock time of a day and "HH:MM" as an instant. */
export function helsinkiInstant(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new Date(new TZDate(y, m - 1, d, hh, mm, HELSINKI).getTime());
}

/**
 * A request from staff. `now` is when it is checked (the start must be after it): a date in the
 * past, zero experts or no purpose are refused at their fields.
 */
export function requestSchema(now: () => Date = () => new Date()) {
	return z
		.object({
			unitId: int4Id('experts.errors.unit'),
			project: textField(200),
			purpose: textField(2000),
			area: z.enum(AREAS, { error: 'experts.errors.area' }),
			format: z.enum(WAYS, { error: 'experts.errors.format' }),
			date: z.string({ error: 'validation.date' }).trim().refine(isRealDate, {
				error: 'validation.date'
			}),
			startTime: clock,
			durationHours: z
				.number({ error: 'experts.errors.duration' })
				.min(0.5, { error: 'experts.errors.duration' })
				.max(12, { error: 'experts.errors.duration' }),
			expertsNeeded: z
				.number({ error: 'experts.errors.expertsNeeded' })
				.int({ error: 'experts.errors.expertsNeeded' })
				.min(1, { error: 'experts.errors.expertsNeeded' })
				.max(20, { error: 'experts.errors.expertsNeededMax' }),
			language: z.enum(LANGUAGES, { error: 'experts.errors.language' }),
			budget: z
				.string()
				.trim()
				.transform((s) => s.replace(',', '.').replace(/\s/g, ''))
				.refine((s) => s === '' || (/^\d{1,7}(\.\d{1,2})?$/.test(s) && Number(s) >= 0), {
					error: 'experts.errors.amount'
				})
				.default('')
		})
		.superRefine((v, ctx) => {
			if (!isRealDate(v.date) || !/^\d\d:\d\d$/.test(v.startTime)) return;
			if (helsinkiInstant(v.date, v.startTime).getTime() <= now().getTime())
				ctx.addIssue({ code: 'custom', path: ['date'], message: 'experts.errors.past' });
		});
}
export type RequestInput = z.infer<ReturnType<typeof requestSchema>>;

/** The coordinator proposes one expert for a request. */
export const proposeSchema = z.object({ profileId: int4Id() });

/** A button naming one row (approve a profile, answer an assignment on the page). */
export const idSchema = z.object({ id: int4Id() });

/** An expert's answer on their page. */
export const answerSchema = z.object({
	id: int4Id(),
	answer: z.enum(['accept', 'decline'], { error: 'validation.invalid' })
});

/** Closing an assignment: what it took, and what it found. The fee follows the schedule when blank. */
export const closeSchema = z.object({
	hours: z
		.number({ error: 'experts.errors.hours' })
		.min(0.25, { error: 'experts.errors.hours' })
		.max(100, { error: 'experts.errors.hours' }),
	travel: euros().default(0),
	fee: z
		.string()
		.trim()
		.transform((s) => s.replace(',', '.'))
		.refine((s) => s === '' || (/^\d{1,7}(\.\d{1,2})?$/.test(s) && Number(s) >= 0), {
			error: 'experts.errors.amount'
		})
		.default(''),
	finding: textField(2000, false).default('')
});
export type CloseInput = z.infer<typeof closeSchema>;

/** Short feedback from either side. */
export const feedbackSchema = z.object({ id: int4Id(), feedback: textField(1000) });
export type FeedbackInput = z.infer<typeof feedbackSchema>;
