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
import { endOfHelsinkiDay, startOfHelsinkiDay } from '../core/time';
import { feedbackConfig } from './feedback.config';
import type { CaseKind } from './feedback.types';
import type { CaseForm } from './feedback.schemas';
import { getActiveUnitId } from './surveys.queries';
import { localName } from '$lib/i18n';
import { formatter } from '$lib/i18n/format';
import { hasRole, type SessionUser } from '../core/auth/roles';
import type { CaseFilter } from './feedback.schemas';

/** The case number people see and say on the phone: "P-123". */
export function caseNumber(no: number): string {
	return `P-${no}`;
}

/** The feedback text quoted in a mail, line by line. */
function quote(text: string): string {
	return text
		.split('\n')
		.map((l) => `> ${l}`)
		.join('\n');
}

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
): Promise<{ id: string; display_name: string; email: string; locale: string }[]> {
	return db
		.selectFrom('user_role as r')
		.innerJoin('app_user as u', 'u.id', 'r.user_id')
		.select(['u.id', 'u.display_name', 'u.email', 'u.locale'])
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
): Promise<
	| { ok: true; reply: 'email' | 'phone' | 'none'; caseNumber: string; dueDay: string | null }
	| { ok: false; field: 'unit'; key: string }
> {
	const unit = await getActiveUnitId(db, form.unit);
	if (!unit) return { ok: false, field: 'unit', key: 'feedback.errors.unit' };
	const saved = await submitCase(db, origin, {
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
	// The thanks page says how the answer comes: a phone-only sender gets no receipt mail, so the
	// page is where they learn the case number and the day by which we call (issue 11).
	const reply = !form.replyRequested ? 'none' : form.email ? 'email' : 'phone';
	return { ok: true, reply, caseNumber: caseNumber(saved.caseNo), dueDay: saved.dueDay };
}

export async function submitCase(
	db: FeedbackDb,
	origin: string,
	input: NewCase,
	now = new Date()
): Promise<{ id: string; duplicate: boolean; caseNo: number; dueDay: string | null }> {
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
			.returning(['id', 'case_no'])
			.executeTakeFirst();
		if (!row) {
			const existing = await trx
				.selectFrom('feedback_case')
				.select(['id', 'case_no', 'due_at'])
				.where('client_id', '=', input.clientId)
				.executeTakeFirstOrThrow();
			return {
				id: existing.id,
				duplicate: true,
				caseNo: existing.case_no,
				dueDay: existing.due_at ? helsinkiDay(existing.due_at) : null
			};
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
			// The receipt, in the sender's language: the case number and the text as it was kept.
			if (input.contact.email)
				await enqueueMails(trx, [
					renderMail('feedback.mail.receipt', input.locale, input.contact.email, {
						number: caseNumber(row.case_no),
						unit: localName(unit, input.locale),
						due: formatter(input.locale).day(helsinkiDay(due!)),
						body: quote(maskPersonalData(input.body))
					})
				]);
		}
		return {
			id: row.id,
			duplicate: false,
			caseNo: row.case_no,
			dueDay: due ? helsinkiDay(due) : null
		};
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
			.select(['id', 'status', 'locale', 'unit_id', 'body', 'case_no'])
			.where('id', '=', caseId)
			.forUpdate()
			.executeTakeFirst();
		if (!c || c.status !== 'open') return 'not_open';
		await trx
			.updateTable('feedback_case')
			.set({
				status: 'closed',
				answer,
				answered_by: actorUserId,
				closed_at: now,
				answer_channel: 'email'
			})
			.where('id', '=', caseId)
			.execute();
		const contact = await trx
			.selectFrom('feedback_contact')
			.select('email')
			.where('case_id', '=', caseId)
			.executeTakeFirst();
		if (contact?.email)
			await enqueueMails(trx, [
				renderMail('feedback.mail.answer', loc(c.locale), contact.email, {
					answer,
					number: caseNumber(c.case_no),
					body: quote(c.body)
				})
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

/**
 * The handler's case list: the units they may see, narrowed by the filter (status, unit, kind,
 * assignee, the day it arrived). `assignee` is a user id, 'me' or 'none'.
 */
export function listCases(
	db: FeedbackExecutor,
	unitIds: number[] | 'all',
	f: Partial<CaseFilter> = {},
	me?: string
) {
	let q = db
		.selectFrom('feedback_case as c')
		.innerJoin('unit as u', 'u.id', 'c.unit_id')
		.leftJoin('app_user as h', 'h.id', 'c.assigned_to')
		.select([
			'c.id',
			'c.case_no',
			'c.kind',
			'c.status',
			'c.reply_requested',
			'c.due_at',
			'c.created_at',
			'c.body',
			'u.name_fi',
			'u.name_sv',
			'u.name_en',
			'h.display_name as assignee_name',
			sql<boolean>`c.status = 'open' and c.due_at < now()`.as('late')
		])
		.orderBy('c.created_at', 'desc')
		.limit(200);
	if (unitIds !== 'all') q = q.where('c.unit_id', 'in', unitIds.length ? unitIds : [-1]);
	if (f.status && f.status !== 'all') q = q.where('c.status', '=', f.status);
	if (f.unit) q = q.where('c.unit_id', '=', f.unit);
	if (f.kind) q = q.where('c.kind', '=', f.kind);
	if (f.assignee === 'none') q = q.where('c.assigned_to', 'is', null);
	else if (f.assignee === 'me' && me) q = q.where('c.assigned_to', '=', me);
	else if (f.assignee && f.assignee !== 'me') q = q.where('c.assigned_to', '=', f.assignee);
	if (f.from) q = q.where('c.created_at', '>=', startOfHelsinkiDay(f.from));
	if (f.to) q = q.where('c.created_at', '<=', endOfHelsinkiDay(f.to));
	if (f.late) q = q.where(sql<boolean>`c.status = 'open' and c.due_at < now()`);
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
			'c.case_no',
			'c.assigned_to',
			'c.answer_channel',
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

/** Staff notes on a case, oldest first. */
export function listCaseNotes(db: FeedbackExecutor, caseId: string) {
	return db
		.selectFrom('feedback_case_note as n')
		.leftJoin('app_user as u', 'u.id', 'n.author_user_id')
		.select(['n.id', 'n.body', 'n.created_at', 'u.display_name as author'])
		.where('n.case_id', '=', caseId)
		.orderBy('n.created_at')
		.orderBy('n.id')
		.execute();
}

async function caseForUpdate(trx: FeedbackTx, caseId: string) {
	return trx
		.selectFrom('feedback_case')
		.select(['id', 'status', 'unit_id', 'service_line_id', 'assigned_to'])
		.where('id', '=', caseId)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * Assigns the case to one of the handlers who cover its unit, or to nobody (null). Anybody else
 * is refused, so a case never lands with a person who cannot open it.
 */
export async function assignCase(
	db: FeedbackDb,
	actorUserId: string,
	caseId: string,
	assigneeId: string | null
): Promise<'assigned' | 'not_found' | 'not_handler'> {
	return db.transaction().execute(async (trx) => {
		const c = await caseForUpdate(trx, caseId);
		if (!c) return 'not_found';
		if (assigneeId) {
			const handlers = await handlersFor(trx, c.unit_id, c.service_line_id);
			if (!handlers.some((h) => h.id === assigneeId)) return 'not_handler';
		}
		await trx
			.updateTable('feedback_case')
			.set({ assigned_to: assigneeId })
			.where('id', '=', caseId)
			.execute();
		await recordAudit(trx, {
			actorUserId,
			action: 'feedback.case.assigned',
			entityType: 'feedback_case',
			entityId: caseId,
			details: { unitId: c.unit_id, assigneeId, previous: c.assigned_to }
		});
		return 'assigned';
	});
}

/** A note only staff see; phone numbers and addresses in it are masked like the feedback text. */
export async function addCaseNote(
	db: FeedbackDb,
	actorUserId: string,
	caseId: string,
	body: string
): Promise<'added' | 'not_found'> {
	return db.transaction().execute(async (trx) => {
		const c = await caseForUpdate(trx, caseId);
		if (!c) return 'not_found';
		const note = await trx
			.insertInto('feedback_case_note')
			.values({ case_id: caseId, author_user_id: actorUserId, body: maskPersonalData(body) })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId,
			action: 'feedback.case.noted',
			entityType: 'feedback_case',
			entityId: caseId,
			details: { unitId: c.unit_id, noteId: note.id }
		});
		return 'added';
	});
}

/**
 * The resident was called: the handler records what was said and the case closes, with no mail.
 * Contact details are erased after the retention period as after an e-mail answer.
 */
export async function recordPhoneReply(
	db: FeedbackDb,
	actorUserId: string,
	caseId: string,
	summary: string,
	now = new Date()
): Promise<'recorded' | 'not_open'> {
	const cfg = feedbackConfig();
	return db.transaction().execute(async (trx) => {
		const c = await caseForUpdate(trx, caseId);
		if (!c || c.status !== 'open') return 'not_open';
		await trx
			.updateTable('feedback_case')
			.set({
				status: 'closed',
				answer: maskPersonalData(summary),
				answered_by: actorUserId,
				closed_at: now,
				answer_channel: 'phone'
			})
			.where('id', '=', caseId)
			.execute();
		await trx
			.updateTable('feedback_contact')
			.set({ erase_after: new Date(now.getTime() + cfg.contactRetentionDays * 86_400_000) })
			.where('case_id', '=', caseId)
			.execute();
		await recordAudit(trx, {
			actorUserId,
			action: 'feedback.case.phoned',
			entityType: 'feedback_case',
			entityId: caseId,
			details: { unitId: c.unit_id }
		});
		return 'recorded';
	});
}

/** Handlers a case may be assigned to (those who cover its unit), by name. */
export async function assigneeOptions(
	db: FeedbackExecutor,
	unit: { id: number; service_line_id: number }
): Promise<{ id: string; name: string }[]> {
	const rows = await handlersFor(db, unit.id, unit.service_line_id);
	return rows
		.map((r) => ({ id: r.id, name: r.display_name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

/** The people cases in these units are assigned to: the list filter's choices. */
export async function caseAssignees(
	db: FeedbackExecutor,
	unitIds: number[]
): Promise<{ id: string; name: string }[]> {
	const rows = await db
		.selectFrom('feedback_case as c')
		.innerJoin('app_user as u', 'u.id', 'c.assigned_to')
		.select(['u.id', 'u.display_name'])
		.distinct()
		.where('c.unit_id', 'in', unitIds.length ? unitIds : [-1])
		.execute();
	return rows
		.map((r) => ({ id: r.id, name: r.display_name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

/** Open cases waiting for a reply in the units the user handles: the staff home's count. */
export async function countOpenCases(
	db: FeedbackExecutor,
	user: SessionUser
): Promise<{ open: number; mine: number }> {
	const rows = await db
		.selectFrom('feedback_case')
		.select(['unit_id', 'service_line_id', 'assigned_to'])
		.where('status', '=', 'open')
		.execute();
	const visible = rows.filter((r) =>
		hasRole(user, 'feedback_handler', { unitId: r.unit_id, unitServiceLineId: r.service_line_id })
	);
	return { open: visible.length, mine: visible.filter((r) => r.assigned_to === user.id).length };
}
