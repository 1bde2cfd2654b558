/**
 * Forms and payloads of the impact tracker, zod with i18n keys as messages (one schema for every
 * language). The rules that need the database (who may change, dates not running backwards) are
 * in impact.service.ts.
 */
import { z, textField, isRealDate } from '$lib/validation';
import { STATUSES } from './impact.types';

/** An optional id from a <select>: '' for none (superforms parses no unions from form data). */
const optionalId = (key = 'validation.invalid') =>
	z
		.string()
		.trim()
		.regex(/^(|[1-9]\d{0,8})$/, { error: key })
		.default('');

/** An id from optionalId: null for none. */
export const idOrNull = (s: string): number | null => (s === '' ? null : Number(s));

const optionalDay = (key = 'impact.errors.date') =>
	z
		.string()
		.trim()
		.refine((s) => s === '' || isRealDate(s), { error: key })
		.default('');

const day = (key = 'impact.errors.date') =>
	z
		.string({ error: key })
		.trim()
		.refine((s) => isRealDate(s), { error: key });

/** A status change of one finding (or of every finding of a decision). */
export const statusSchema = z
	.object({
		status: z.enum(STATUSES, { error: 'impact.errors.status' }),
		effectiveOn: day(),
		explanationFi: textField(2000, false).default(''),
		explanationSv: textField(2000, false).default(''),
		explanationEn: textField(2000, false).default('')
	})
	.superRefine((v, ctx) => {
		if (v.status === 'not_taken_forward' && v.explanationFi === '')
			ctx.addIssue({
				code: 'custom',
				path: ['explanationFi'],
				message: 'impact.errors.reasonRequired'
			});
	});
export type StatusInput = z.infer<typeof statusSchema>;

/** The owner: a unit ("unit:12") or a person ("user:<uuid>"). */
export const ownerSchema = z.object({
	owner: z
		.string({ error: 'impact.errors.owner' })
		.regex(/^(unit:\d{1,9}|user:[0-9a-f-]{36})$/i, { error: 'impact.errors.owner' })
});

export function parseOwner(raw: string): { unitId: number | null; userId: string | null } {
	const [kind, id] = raw.split(':');
	return kind === 'unit' ? { unitId: Number(id), userId: null } : { unitId: null, userId: id };
}

export const decisionSchema = z.object({
	titleFi: textField(300),
	titleSv: textField(300, false).default(''),
	titleEn: textField(300, false).default(''),
	parentId: optionalId('impact.errors.unknown_parent'),
	progress: z
		.number({ error: 'impact.errors.progress' })
		.int({ error: 'impact.errors.progress' })
		.min(0, { error: 'impact.errors.progress' })
		.max(100, { error: 'impact.errors.progress' })
		.default(0),
	decidedOn: optionalDay()
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const linkSchema = z.object({ decisionId: optionalId('impact.errors.unknown_decision') });

/** A workshop or other activity entered by hand (sources with a module register theirs by event). */
export const activitySchema = z
	.object({
		topic: textField(300),
		description: textField(4000, false).default(''),
		startsOn: day(),
		endsOn: optionalDay(),
		organiser: textField(200, false).default(''),
		invited: z.number().int().min(0).max(10_000_000).optional(),
		tookPart: z.number().int().min(0).max(10_000_000).optional()
	})
	.superRefine((v, ctx) => {
		if (v.endsOn && v.endsOn < v.startsOn)
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'impact.errors.datesBackwards' });
	});

/** The public list's filters, from the query string; anything unreadable is ignored. */
export interface PublicFilter {
	serviceLineId: number | null;
	municipality: string | null;
	year: number | null;
	status: (typeof STATUSES)[number] | null;
}

export function readPublicFilter(url: URL): PublicFilter {
	const q = url.searchParams;
	const line = Number(q.get('line'));
	const year = Number(q.get('year'));
	const status = q.get('status');
	const muni = q.get('municipality');
	return {
		serviceLineId: Number.isInteger(line) && line > 0 && line < 1e6 ? line : null,
		municipality: muni && /^\d{3}$/.test(muni) ? muni : null,
		year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
		status: (STATUSES as readonly string[]).includes(status ?? '')
			? (status as PublicFilter['status'])
			: null
	};
}
