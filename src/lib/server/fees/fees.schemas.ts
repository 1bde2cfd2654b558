/**
 * Forms and inputs of the fees module, zod with i18n keys as messages. Rules that need the
 * database (overlapping validity, closed months, a rate in force) are in fees.service.ts.
 */
import { z, textField, isRealDate } from '$lib/validation';
import { FEE_KINDS, RATE_KINDS } from './fees.types';

const day = (key = 'fees.errors.date') =>
	z
		.string({ error: key })
		.trim()
		.refine((s) => isRealDate(s), { error: key });

const optionalDay = (key = 'fees.errors.date') =>
	z
		.string()
		.trim()
		.refine((s) => s === '' || isRealDate(s), { error: key })
		.default('');

/** "0,55", "60", "90.00": euros with at most two decimals; a minus sign gets its own message. */
const eurosField = z
	.string({ error: 'fees.errors.amount' })
	.trim()
	.refine((s) => !s.startsWith('-'), { error: 'fees.errors.negative' })
	.refine((s) => s.startsWith('-') || /^\d{1,6}([.,]\d{1,2})?$/.test(s), {
		error: 'fees.errors.amount'
	});

/** Euros as typed ("0,55") to whole cents (55); null for what eurosField refuses. */
export function parseEuros(s: string): number | null {
	const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(s.trim());
	if (!m) return null;
	return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A new rate on the schedule. */
export const rateSchema = z
	.object({
		kind: z.enum(RATE_KINDS, { error: 'fees.errors.kind' }),
		euros: eurosField,
		validFrom: day(),
		validTo: optionalDay()
	})
	.superRefine((v, ctx) => {
		if (v.validTo !== '' && isRealDate(v.validFrom) && v.validTo < v.validFrom)
			ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'fees.errors.dateOrder' });
	});
export type RateInput = z.infer<typeof rateSchema>;

/** Ending a rate's validity (so next year's rate can start). */
export const endRateSchema = z.object({
	id: z.coerce.number().int().min(1).max(2147483647),
	validTo: day()
});

/** Closing a payroll month. */
export const closeMonthSchema = z.object({
	month: z
		.string({ error: 'fees.errors.month' })
		.trim()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'fees.errors.month' })
});

/** A payee's report that a fee row is wrong. */
export const correctionSchema = z.object({
	feeId: z
		.string()
		.trim()
		.regex(/^(|[1-9]\d{0,8})$/, { error: 'validation.invalid' })
		.default(''),
	body: textField(2000)
});

export const resolveSchema = z.object({ id: z.coerce.number().int().min(1).max(2147483647) });

/** What another module hands to recordFee (validated there too: callers are code, not forms). */
export const feeInputSchema = z.object({
	payeeUserId: z.uuid().nullable(),
	payeeName: z.string().trim().min(1).max(200),
	sourceType: z.string().regex(/^[a-z][a-z_]{1,40}$/),
	sourceId: z.string().min(1).max(100),
	eventOn: day(),
	kind: z.enum(FEE_KINDS),
	/** Km, hours, or 1 for a meeting or a cost; two decimals. */
	quantity: z.number().positive().max(100000).default(1),
	/** Only for travel_ticket and other: the actual cost in cents. */
	unitCents: z.number().int().min(0).max(100_000_000).optional(),
	serviceLineId: z.number().int().positive().nullable().default(null),
	label: z.string().max(300).default(''),
	note: z.string().max(2000).default('')
});
export type FeeInput = z.input<typeof feeInputSchema>;
