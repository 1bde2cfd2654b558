/**
 * Direct feedback (praise, complaint, idea). When a reply is asked for, the unit's feedback
 * handlers are mailed at once, the case is due in 7 days, a reminder goes before that and the
 * service line's handlers are alerted when it is late. The answer is mailed to the resident and
 * the case closes; contact details are erased after the retention period.
 */
import { sql } from 'kysely';
import type { FeedbackDb, FeedbackExecutor, FeedbackTx } from './feedback.db';
import { publish } from '../core/events';
import { enqueueMails, renderMail } from '../core/mail';
import { recordAudit } from '../core/audit';
import { isLocale, type Locale } from '$lib/i18n';
import { maskPersonalData } from '../core/privacy/mask';
import { helsinkiDay } from './time';
import { feedbackConfig } from './feedback.config';
import type { CaseKind } from './feedback.types';
import type { CaseForm } from './feedback.schemas';
import { getActiveUnitId } from './surveys.queries';

export interface NewCase {
	clientId: string;
	unitId: number;
	kind: CaseKind;
	body: string;
	replyRequested: boolean;
	contact?: { name?: string; email?: string; phone?: string };
	locale: Locale;
}

/** Handlers who cover a unit: unit grants, its service-line grants and unscoped grants. */
export async function handlersFor(
	db: FeedbackExecutor,
	unitId: number,
	serviceLineId: number,
	lineLevelOnly = false
): Promise<{ email: string; locale: string }[]> {
	return db
		.selectFrom('user_role as r')
		.innerJoin('app_user as u', 'u.id', 'r.user_id')
		.select(['u.email', 'u.locale'])
		.distinct()
		.where('r.role', '=', 'feedback_handler')
		.where('u.disabled_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb.and([eb('r.service_line_id', 'is', null), eb('r.unit_id', 'is', null)]),
				eb('r.service_line_id', '=', serviceLineId),
				...(lineLevelOnly ? [] : [eb('r.unit_id', '=', unitId)])
			])
		)
		.execute();
}

function loc(v: string): Locale {
	return isLocale(v) ? v : 'fi';
}

/**
 * The direct-feedback form: the unit must be an active one (else the unit field's problem);
 * contact details are kept only when a reply was asked for.
 */
export async function submitDirectFeedback(
	db: FeedbackDb,
	origin: string,
	form: CaseForm,
	locale: Locale
): Promise<{ ok: true; replyRequested: boolean } | { ok: false; field: 'unit'; key: string }> {
	const unit = await getActiveUnitId(db, form.unit);
	if (!unit) return { ok: false, field: 'unit', key: 'feedback.errors.unit' };
	await submitCase(db, origin, {
		clientId: form.clientId,
		unitId: unit.id,
		kind: form.kind,
		body: form.body,
		replyRequested: form.replyRequested,
		contact: form.replyRequested
			? { name: form.name, email: form.email, phone: form.phone }
			: undefined,
		locale
	});
	return { ok: true, replyRequested: form.replyRequested };
}

export async function submitCase(
	db: FeedbackDb,
	origin: string,
	input: NewCase,
	now = new Date()
): Promise<{ id: string; duplicate: boolean }> {
	const cfg = feedbackConfig();
	return db.transaction().execute(async (trx) => {
		const unit = await trx
			.selectFrom('unit')
			.select(['id', 'service_line_id', 'name_fi', 'name_sv', 'name_en'])
			.where('id', '=', input.unitId)
			.executeTakeFirstOrThrow();
		const due = input.replyRequested ? new Date(now.getTime() + cfg.replyDays * 86_400_000) : null;
		const row = await trx
			.insertInto('feedback_case')
			.values({
				client_id: input.clientId,
				unit_id: unit.id,
				service_line_id: unit.service_line_id,
				kind: input.kind,
				body: maskPersonalData(input.body),
				reply_requested: input.replyRequested,
				status: input.replyRequested ? 'open' : 'received',
				locale: input.locale,
				due_at: due,
				created_at: now
			})
			.onConflict((oc) => oc.column('client_id').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!row) {
			const existing = await trx
				.selectFrom('feedback_case')
				.select('id')
				.where('client_id', '=', input.clientId)
				.executeTakeFirstOrThrow();
			return { id: existing.id, duplicate: true };
		}
		await publish(trx, 'feedback.open_texts_received', { refs: [{ type: 'case', id: row.id }] });
		if (input.replyRequested && input.contact) {
			await trx
				.insertInto('feedback_contact')
				.values({
					case_id: row.id,
					name: input.contact.name || null,
					email: input.contact.email || null,
					phone: input.contact.phone || null
				})
				.execute();
			const handlers = await handlersFor(trx, unit.id, unit.service_line_id);
			const link = `${origin}/staff/feedback/cases/${row.id}`;
			await enqueueMails(
				trx,
				handlers.map((h) =>
					renderMail('feedback.mail.newCase', loc(h.locale), h.email, {
						unit: unit.name_fi,
						kind: input.kind,
						due: helsinkiDay(due!),
						link
					})
				)
			);
		}
		return { id: row.id, duplicate: false };
	});
}

export async function answerCase(
	db: FeedbackDb,
	actorUserId: string,
	caseId: string,
	answer: string,
	now = new Date()
): Promise<'answered' | 'not_open'> {
	const cfg = feedbackConfig();
	return db.transaction().execute(async (trx) => {
		const c = await trx
			.selectFrom('feedback_case')
			.select(['id', 'status', 'locale', 'unit_id'])
			.where('id', '=', caseId)
			.forUpdate()
			.executeTakeFirst();
		if (!c || c.status !== 'open') return 'not_open';
		await trx
			.updateTable('feedback_case')
			.set({ status: 'closed', answer, answered_by: actorUserId, closed_at: now })
			.where('id', '=', caseId)
			.execute();
		const contact = await trx
			.selectFrom('feedback_contact')
			.select('email')
			.where('case_id', '=', caseId)
			.executeTakeFirst();
		if (contact?.email)
			await enqueueMails(trx, [
				renderMail('feedback.mail.answer', loc(c.locale), contact.email, { answer })
			]);
		await trx
			.updateTable('feedback_contact')
			.set({ erase_after: new Date(now.getTime() + cfg.contactRetentionDays * 86_400_000) })
			.where('case_id', '=', caseId)
			.execute();
		await recordAudit(trx, {
			actorUserId,
			action: 'feedback.case.answered',
			entityType: 'feedback_case',
			entityId: caseId,
			details: { unitId: c.unit_id, mailed: Boolean(contact?.email) }
		});
		return 'answered';
	});
}

/**
 * The periodic job: reminders before the due date, escalation to the service line when late,
 * erasure of contact details past retention. Idempotent: each step marks what it did.
 */
export async function runCaseDeadlines(
	db: FeedbackDb,
	origin: string,
	now = new Date()
): Promise<{ reminded: number; escalated: number; erased: number }> {
	const cfg = feedbackConfig();
	const remindBefore = new Date(now.getTime() + cfg.remindDaysBefore * 86_400_000);
	return db.transaction().execute(async (trx) => {
		const remind = await claim(trx, 'reminded_at', remindBefore, now);
		for (const c of remind) await mailHandlers(trx, c, origin, 'feedback.mail.reminder', false);
		const late = await claim(trx, 'escalated_at', now, now);
		for (const c of late) await mailHandlers(trx, c, origin, 'feedback.mail.escalation', true);
		const erased = await trx
			.deleteFrom('feedback_contact')
			.where('erase_after', '<=', now)
			.executeTakeFirst();
		return {
			reminded: remind.length,
			escalated: late.length,
			erased: Number(erased.numDeletedRows)
		};
	});
}

async function claim(
	trx: FeedbackTx,
	column: 'reminded_at' | 'escalated_at',
	dueBefore: Date,
	now: Date
) {
	return trx
		.updateTable('feedback_case')
		.set({ [column]: now })
		.where('status', '=', 'open')
		.where(column, 'is', null)
		.where('due_at', '<=', dueBefore)
		.returning(['id', 'unit_id', 'service_line_id', 'due_at'])
		.execute();
}

async function mailHandlers(
	trx: FeedbackTx,
	c: { id: string; unit_id: number; service_line_id: number; due_at: Date | null },
	origin: string,
	template: string,
	lineLevel: boolean
) {
	const handlers = await handlersFor(trx, c.unit_id, c.service_line_id, lineLevel);
	const unit = await trx
		.selectFrom('unit')
		.select('name_fi')
		.where('id', '=', c.unit_id)
		.executeTakeFirstOrThrow();
	await enqueueMails(
		trx,
		handlers.map((h) =>
			renderMail(template, loc(h.locale), h.email, {
				unit: unit.name_fi,
				due: c.due_at ? helsinkiDay(new Date(c.due_at)) : '',
				link: `${origin}/staff/feedback/cases/${c.id}`
			})
		)
	);
}

export function listCases(db: FeedbackExecutor, unitIds: number[] | 'all', status?: string) {
	let q = db
		.selectFrom('feedback_case as c')
		.innerJoin('unit as u', 'u.id', 'c.unit_id')
		.select([
			'c.id',
			'c.kind',
			'c.status',
			'c.reply_requested',
			'c.due_at',
			'c.created_at',
			'c.body',
			'u.name_fi',
			'u.name_sv',
			'u.name_en',
			sql<boolean>`c.status = 'open' and c.due_at < now()`.as('late')
		])
		.orderBy('c.created_at', 'desc')
		.limit(200);
	if (unitIds !== 'all') q = q.where('c.unit_id', 'in', unitIds.length ? unitIds : [-1]);
	if (status) q = q.where('c.status', '=', status);
	return q.execute();
}

export function getCase(db: FeedbackExecutor, id: string) {
	return db
		.selectFrom('feedback_case as c')
		.innerJoin('unit as u', 'u.id', 'c.unit_id')
		.leftJoin('feedback_contact as k', 'k.case_id', 'c.id')
		.select([
			'c.id',
			'c.kind',
			'c.status',
			'c.body',
			'c.reply_requested',
			'c.due_at',
			'c.created_at',
			'c.answer',
			'c.closed_at',
			'c.unit_id',
			'c.service_line_id',
			'u.name_fi',
			'u.name_sv',
			'u.name_en',
			'k.name as contact_name',
			'k.email as contact_email',
			'k.phone as contact_phone'
		])
		.where('c.id', '=', id)
		.executeTakeFirst();
}
