/** Input schemas (zod, messages are i18n keys) for the feedback endpoints and forms. */
import { dateField, fileField, int4Id, z, textField } from '$lib/validation';
import { MAX_UPLOAD_BYTES } from '../core/http/upload-limit';
import { CASE_KINDS, CHANNELS } from './feedback.types';

const clientId = z
	.string({ error: 'feedback.errors.clientId' })
	.regex(/^[A-Za-z0-9:_-]{8,100}$/, { error: 'feedback.errors.clientId' });

const answerValue = z.union([z.number(), z.string().max(2000), z.null()]);

/** One response in the JSON intake (kiosk, web clients, other systems). */
export const jsonResponseSchema = z.object({
	clientId,
	unit: z.string({ error: 'feedback.errors.unit' }).min(1).max(100),
	survey: z.string().max(100).optional(),
	channel: z.enum(CHANNELS.filter((c) => c !== 'sms' && c !== 'import') as ['web', 'qr', 'kiosk'], {
		error: 'feedback.errors.channel'
	}),
	answers: z.record(z.string().max(50), answerValue, { error: 'feedback.errors.answers' }),
	answeredAt: z.iso.datetime({ error: 'feedback.errors.answeredAt' }).optional(),
	locale: z.enum(['fi', 'sv', 'en']).optional()
});

/**
 * A batch (the kiosk's queue): the envelope only; each item is checked on its own so one bad
 * answer does not refuse the others.
 */
export const jsonBatchSchema = z.object({
	responses: z.array(z.unknown(), { error: 'feedback.errors.answers' }).min(1).max(100)
});

export const jsonIntakeSchema = z.union([
	jsonResponseSchema,
	z.object({ responses: z.array(jsonResponseSchema).min(1).max(100) })
]);

/** What an SMS gateway posts: the gateway's message id and up to three answers, NPS first. */
export const smsSchema = z.object({
	messageId: z
		.string({ error: 'feedback.errors.clientId' })
		.regex(/^[A-Za-z0-9:_-]{1,80}$/, { error: 'feedback.errors.clientId' }),
	unit: z.string({ error: 'feedback.errors.unit' }).min(1).max(100),
	answers: z
		.array(z.union([z.number(), z.string().max(2000)]), { error: 'feedback.errors.answers' })
		.min(1, { error: 'feedback.errors.answers' })
		.max(3, { error: 'feedback.errors.smsTooMany' }),
	receivedAt: z.iso.datetime().optional()
});

export const caseSchema = z
	.object({
		clientId,
		unit: int4Id('feedback.errors.unit'),
		kind: z.enum(CASE_KINDS, { error: 'feedback.errors.kind' }),
		body: textField(4000),
		replyRequested: z.boolean().default(false),
		name: textField(200, false).optional(),
		email: z.string().trim().max(254).optional(),
		phone: z.string().trim().max(40).optional()
	})
	.superRefine((v, ctx) => {
		if (!v.replyRequested) return;
		// A reply by e-mail or by a phone call: one of the two is needed, and an address must be one.
		if (v.email ? !z.email().safeParse(v.email).success : !v.phone)
			ctx.addIssue({ code: 'custom', path: ['email'], message: 'feedback.errors.replyEmail' });
	});

export type CaseForm = z.output<typeof caseSchema>;

export const answerCaseSchema = z.object({ answer: textField(4000) });

/** The handler's forms on a case: assign ('' = nobody), a staff note, a phone reply. */
export const assignCaseSchema = z.object({
	assignee: z.union([z.literal(''), z.uuid({ error: 'feedback.errors.assignee' })]).default('')
});
export const caseNoteSchema = z.object({ note: textField(4000) });
export const phoneReplySchema = z.object({ summary: textField(4000) });

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/**
 * The case list's filter, read from the query string (a GET form, so it works without
 * JavaScript). Anything unreadable is a 400 with the field's message.
 */
export const caseFilterSchema = z.object({
	status: z.enum(['open', 'received', 'closed', 'all']).default('open'),
	unit: z.preprocess(blankToUndefined, int4Id('feedback.errors.unit').optional()),
	kind: z.preprocess(blankToUndefined, z.enum(CASE_KINDS).optional()),
	assignee: z.preprocess(
		blankToUndefined,
		z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional()
	),
	from: z.preprocess(blankToUndefined, dateField.optional()),
	to: z.preprocess(blankToUndefined, dateField.optional()),
	late: z.preprocess((v) => v === '1' || v === 'on', z.boolean())
});
export type CaseFilter = z.output<typeof caseFilterSchema>;

/** The admin's survey names; Swedish and English fall back to the Finnish name when left empty. */
const surveyNames = {
	name_fi: textField(200),
	name_sv: textField(200, false).default(''),
	name_en: textField(200, false).default('')
};

export const surveyCreateSchema = z.object({
	code: z
		.string({ error: 'validation.required' })
		.trim()
		.regex(/^[a-z0-9-]{3,40}$/, { error: 'feedback.errors.code' }),
	...surveyNames
});
export type SurveyCreateForm = z.output<typeof surveyCreateSchema>;

/** The edit form's fields besides the questions (those are read by survey-editor.ts). */
export const surveyEditSchema = z.object({
	...surveyNames,
	active: z.boolean().default(false),
	/** The units the survey is offered in (none: county-wide). */
	unit: z.array(int4Id()).max(10_000).default([])
});
export type SurveyEditForm = z.output<typeof surveyEditSchema>;

/** The staff's CSV import of answers collected elsewhere. */
export const responsesImportSchema = z.object({
	file: fileField(MAX_UPLOAD_BYTES, 'feedback.import.noFile', 'feedback.import.tooLarge')
});
