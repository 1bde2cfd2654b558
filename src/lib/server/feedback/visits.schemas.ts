/**
 * Input schemas of the visit events (API JSON, CSV rows and the staff forms). Messages are i18n
 * keys; the CSV columns are the JSON fields in snake case (`visit_id`, `unit_code`, …).
 */
import { fileField, textField, z } from '$lib/validation';
import { MAX_UPLOAD_BYTES } from '../core/http/upload-limit';
import { AGE_BANDS, normalisePhone } from './visits.rules';

const TRUE = new Set(['1', 'true', 'yes', 'kyllä', 'k', 'ja', 'x']);
const FALSE = new Set(['', '0', 'false', 'no', 'ei', 'e', 'nej']);

/** true/false, or in a CSV 1/0, kyllä/ei, yes/no, ja/nej, x; blank or missing is false. */
const flag = z.preprocess(
	(v) => {
		if (v === undefined || v === null) return false;
		if (typeof v !== 'string') return v;
		const s = v.trim().toLowerCase();
		return TRUE.has(s) ? true : FALSE.has(s) ? false : v;
	},
	z.boolean({ error: 'feedback.visits.errors.flag' })
);

export const visitSchema = z.object({
	id: z
		.string({ error: 'feedback.visits.errors.id' })
		.trim()
		.regex(/^[A-Za-z0-9:_.-]{1,100}$/, { error: 'feedback.visits.errors.id' }),
	unit: z.string({ error: 'feedback.visits.errors.unit' }).trim().min(1).max(100),
	visitedAt: z.iso.datetime({ offset: true, error: 'feedback.visits.errors.visitedAt' }),
	phone: z
		.string({ error: 'feedback.visits.errors.phone' })
		.max(40, { error: 'feedback.visits.errors.phone' })
		.refine((p) => normalisePhone(p) !== null, { error: 'feedback.visits.errors.phone' }),
	language: z
		.string({ error: 'feedback.visits.errors.language' })
		.trim()
		.max(35, { error: 'feedback.visits.errors.language' })
		.optional(),
	ageBand: z.enum(AGE_BANDS, { error: 'feedback.visits.errors.ageBand' }),
	nonDisclosure: flag,
	sharedNumber: flag,
	followUp: flag,
	minorConsent: flag,
	personRef: z
		.string({ error: 'feedback.visits.errors.personRef' })
		.trim()
		.max(200, { error: 'feedback.visits.errors.personRef' })
		.optional(),
	form: z
		.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			z.enum(['text', 'link'], { error: 'feedback.visits.errors.form' }).optional()
		)
		.optional()
});
export type VisitInput = z.output<typeof visitSchema>;

/** The API body: one visit or `{visits: [...]}` (at most MAX_VISITS_PER_REQUEST). */
export const MAX_VISITS_PER_REQUEST = 1000;
export const visitBatchSchema = z.object({
	visits: z
		.array(z.unknown(), { error: 'feedback.visits.errors.batch' })
		.min(1, { error: 'feedback.visits.errors.batch' })
		.max(MAX_VISITS_PER_REQUEST, { error: 'feedback.visits.errors.batch' })
});

/** CSV column → API field. */
export const CSV_COLUMNS: Record<string, keyof VisitInput> = {
	visit_id: 'id',
	unit_code: 'unit',
	visited_at: 'visitedAt',
	phone: 'phone',
	language: 'language',
	age_band: 'ageBand',
	non_disclosure: 'nonDisclosure',
	shared_number: 'sharedNumber',
	follow_up: 'followUp',
	minor_consent: 'minorConsent',
	person_ref: 'personRef',
	form: 'form'
};
export const CSV_REQUIRED = ['visit_id', 'unit_code', 'visited_at', 'phone', 'age_band'];

/** Admin: a new visit source (its token is shown once). */
export const visitSourceSchema = z.object({
	code: z
		.string({ error: 'validation.required' })
		.trim()
		.regex(/^[a-z0-9-]{2,40}$/, { error: 'feedback.visits.errors.sourceCode' }),
	name: textField(120)
});

/** Staff: a CSV drop uploaded by hand, for a chosen source. */
export const visitCsvUploadSchema = z.object({
	source: z.coerce.number({ error: 'feedback.visits.errors.source' }).int().positive(),
	file: fileField(MAX_UPLOAD_BYTES, 'feedback.import.noFile', 'feedback.import.tooLarge')
});
