/**
 * Recurring feedback themes: a handler who sees the same thing come up again and again records
 * it with its counts, and the impact tracker takes it from there as a finding (by the
 * `feedback.theme_recorded` event, published in this transaction; feedback keeps no theme table:
 * the audit entry and the event are the record). The answers in the period are counted here so
 * the share the tracker shows is the module's own figure.
 */
import { randomUUID } from 'node:crypto';
import { z, textField, isRealDate, INT4_MAX } from '$lib/validation';
import { recordAudit } from '../core/audit';
import { publish } from '../core/events';
import { endOfHelsinkiDay, startOfHelsinkiDay } from '../core/time';
import type { SessionUser } from '../core/auth/roles';
import type { FeedbackDb } from './feedback.db';
import { canHandleUnit } from './staff-scope';

const day = z
	.string({ error: 'feedback.themes.errors.date' })
	.trim()
	.refine(isRealDate, { error: 'feedback.themes.errors.date' });

export const themeSchema = z
	.object({
		unit: z
			.number({ error: 'feedback.themes.errors.unit' })
			.int({ error: 'feedback.themes.errors.unit' })
			.min(1, { error: 'feedback.themes.errors.unit' })
			.max(INT4_MAX, { error: 'feedback.themes.errors.unit' }),
		// '' for none: superforms parses no unions from form data.
		survey: z
			.string()
			.trim()
			.regex(/^(|[1-9]\d{0,8})$/, { error: 'feedback.themes.errors.survey' })
			.default(''),
		title: textField(300),
		description: textField(2000, false).default(''),
		from: day,
		to: day,
		/** Links or ids of cases that mention the theme: those who asked for a reply hear of it. */
		cases: textField(20_000, false).default(''),
		mentions: z
			.number({ error: 'feedback.themes.errors.mentions' })
			.int({ error: 'feedback.themes.errors.mentions' })
			.min(1, { error: 'feedback.themes.errors.mentions' })
			.max(10_000_000, { error: 'feedback.themes.errors.mentions' })
	})
	.superRefine((v, ctx) => {
		if (v.to < v.from)
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'feedback.themes.errors.backwards' });
		const ids = caseIds(v.cases);
		if (ids === null || ids.length > 1000)
			ctx.addIssue({ code: 'custom', path: ['cases'], message: 'feedback.themes.errors.cases' });
	});
export type ThemeInput = z.infer<typeof themeSchema>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The case ids in pasted links or ids (one or more a line); null: a line with none. */
export function caseIds(text: string): string[] | null {
	const out = new Set<string>();
	for (const line of text.split(/[\r\n,;]+/).map((l) => l.trim())) {
		if (!line) continue;
		const found = line.match(UUID);
		if (!found) return null;
		for (const id of found) out.add(id.toLowerCase());
	}
	return [...out];
}

export async function recordTheme(
	db: FeedbackDb,
	actor: SessionUser,
	input: ThemeInput
): Promise<{ ok: true; themeId: string } | { ok: false; error: 'unit' | 'survey' | 'cases' }> {
	return db.transaction().execute(async (trx) => {
		const unit = await trx
			.selectFrom('unit')
			.select(['id', 'service_line_id', 'municipality_code'])
			.where('id', '=', input.unit)
			.executeTakeFirst();
		if (!unit || !canHandleUnit(actor, unit)) return { ok: false as const, error: 'unit' as const };
		let survey: { id: number; name_fi: string } | undefined;
		if (input.survey !== '') {
			survey = await trx
				.selectFrom('feedback_survey')
				.select(['id', 'name_fi'])
				.where('id', '=', Number(input.survey))
				.executeTakeFirst();
			if (!survey) return { ok: false as const, error: 'survey' as const };
		}
		let answers = trx
			.selectFrom('feedback_response')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('unit_id', '=', unit.id)
			.where('answered_at', '>=', startOfHelsinkiDay(input.from))
			.where('answered_at', '<=', endOfHelsinkiDay(input.to));
		if (survey) answers = answers.where('survey_id', '=', survey.id);
		const n = Number((await answers.executeTakeFirstOrThrow()).n);
		const ids = caseIds(input.cases) ?? [];
		const cases = ids.length
			? await trx
					.selectFrom('feedback_case as c')
					.leftJoin('feedback_contact as k', 'k.case_id', 'c.id')
					.select(['c.id', 'c.reply_requested', 'c.locale', 'k.email'])
					.where('c.id', 'in', ids)
					.where('c.unit_id', '=', unit.id)
					.execute()
			: [];
		if (cases.length !== ids.length) return { ok: false as const, error: 'cases' as const };
		const themeId = randomUUID();
		for (const c of cases)
			if (c.reply_requested && c.email)
				await publish(
					trx,
					'feedback.theme_contact',
					{ themeId, caseId: c.id, email: c.email, locale: c.locale },
					{ forgetOnDelivery: true }
				);
		await publish(trx, 'feedback.theme_recorded', {
			themeId,
			title: input.title,
			description: input.description,
			unitId: unit.id,
			serviceLineId: unit.service_line_id,
			municipalityCode: unit.municipality_code,
			from: input.from,
			to: input.to,
			mentions: input.mentions,
			answers: Math.max(n, input.mentions),
			surveyId: survey?.id ?? null,
			surveyName: survey?.name_fi ?? null
		});
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'feedback.theme.record',
			entityType: 'feedback_theme',
			entityId: themeId,
			details: {
				unitId: unit.id,
				surveyId: survey?.id ?? null,
				mentions: input.mentions,
				cases: cases.length
			}
		});
		return { ok: true as const, themeId };
	});
}
