/**
 * Forms and payloads of the impact tracker, zod with i18n keys as messages (one schema for every
 * language). The rules that need the database (who may change, dates not running backwards) are
 * in impact.service.ts.
 */
import { z, textField, isRealDate, INT4_MAX } from '$lib/validation';
import { HAND_KINDS, HEARD_SCORES, STATUSES, readGroup } from './impact.types';

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

/** A milestone of a decision: a dated step in fi/sv/en (not in the future: impact.service.ts). */
export const milestoneSchema = z.object({
	decisionId: z
		.string({ error: 'impact.errors.unknown_decision' })
		.trim()
		.regex(/^[1-9]\d{0,8}$/, { error: 'impact.errors.unknown_decision' }),
	milestoneFi: textField(300),
	milestoneSv: textField(300, false).default(''),
	milestoneEn: textField(300, false).default(''),
	reachedOn: day()
});
export type MilestoneInput = z.infer<typeof milestoneSchema>;

/** A milestone corrected on its own page: the same fields, its decision fixed. */
export const milestoneEditSchema = milestoneSchema.omit({ decisionId: true });
export type MilestoneEditInput = z.infer<typeof milestoneEditSchema>;

export const linkSchema = z.object({ decisionId: optionalId('impact.errors.unknown_decision') });

const count = (key: string) =>
	z
		.number({ error: key })
		.int({ error: key })
		.min(0, { error: key })
		.max(10_000_000, { error: key })
		.optional();

/**
 * "by group" as staff type it, one group a line: `age_band:15-29 = 12` (or a tab, or a colon
 * before the count). null: a line that is not a group and a whole number.
 */
export function parseGroups(text: string): Record<string, number> | null {
	const out: Record<string, number> = {};
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (!line) continue;
		const m = /^([a-z_]+:[^\s=]+)\s*(?:=|\s|:)\s*(\d{1,8})$/i.exec(line);
		if (!m) return null;
		const g = readGroup(m[1].toLowerCase());
		if (!g) return null;
		const key = `${g.dimension}:${g.value}`;
		out[key] = (out[key] ?? 0) + Number(m[2]);
	}
	return out;
}

/** The findings of a hand-entered activity, one a line (blank lines skipped). */
export function findingLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
}

/**
 * A workshop or other activity entered by hand, with the findings it heard (sources with a module
 * register theirs by event). Unknown service lines, municipalities and units are refused by the
 * service.
 */
export const activitySchema = z
	.object({
		kind: z.enum(HAND_KINDS, { error: 'impact.errors.activityKind' }).default('workshop'),
		topic: textField(300),
		description: textField(4000, false).default(''),
		serviceLines: z
			.array(
				z
					.number({ error: 'impact.errors.serviceLine' })
					.int({ error: 'impact.errors.serviceLine' })
					.min(1, { error: 'impact.errors.serviceLine' })
					.max(INT4_MAX, { error: 'impact.errors.serviceLine' })
			)
			.max(50, { error: 'impact.errors.serviceLine' })
			.default([]),
		municipality: z
			.string()
			.trim()
			.regex(/^(|\d{3})$/, { error: 'impact.errors.municipality' })
			.default(''),
		organiserUnit: optionalId('impact.errors.unit'),
		organiser: textField(200, false).default(''),
		startsOn: day(),
		endsOn: optionalDay(),
		invited: count('impact.errors.count'),
		tookPart: count('impact.errors.count'),
		byGroup: textField(4000, false).default(''),
		findings: textField(20_000, false).default('')
	})
	.superRefine((v, ctx) => {
		if (v.endsOn && v.endsOn < v.startsOn)
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'impact.errors.datesBackwards' });
		if (v.invited !== undefined && v.tookPart !== undefined && v.tookPart > v.invited)
			ctx.addIssue({
				code: 'custom',
				path: ['tookPart'],
				message: 'impact.errors.moreThanInvited'
			});
		const groups = parseGroups(v.byGroup);
		if (groups === null)
			ctx.addIssue({ code: 'custom', path: ['byGroup'], message: 'impact.errors.byGroup' });
		else if (v.tookPart !== undefined) {
			const perDimension = new Map<string, number>();
			for (const [k, n] of Object.entries(groups)) {
				const d = k.split(':')[0];
				perDimension.set(d, (perDimension.get(d) ?? 0) + n);
			}
			if ([...perDimension.values()].some((n) => n > v.tookPart!))
				ctx.addIssue({
					code: 'custom',
					path: ['byGroup'],
					message: 'impact.errors.groupsOverTotal'
				});
		}
		const lines = findingLines(v.findings);
		if (lines.length > 50 || lines.some((l) => l.length > 2000))
			ctx.addIssue({ code: 'custom', path: ['findings'], message: 'impact.errors.findingLines' });
	});
export type ActivityInput = z.infer<typeof activitySchema>;

/** More findings of a hand-entered activity, later. */
export const addFindingsSchema = z.object({ findings: textField(20_000) }).superRefine((v, ctx) => {
	const lines = findingLines(v.findings);
	if (lines.length > 50 || lines.some((l) => l.length > 2000))
		ctx.addIssue({ code: 'custom', path: ['findings'], message: 'impact.errors.findingLines' });
});

/** The "felt heard" question (1–5). */
export const heardSchema = z.object({
	score: z
		.number({ error: 'impact.errors.heard' })
		.int({ error: 'impact.errors.heard' })
		.min(HEARD_SCORES[0], { error: 'impact.errors.heard' })
		.max(HEARD_SCORES[HEARD_SCORES.length - 1], { error: 'impact.errors.heard' })
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
