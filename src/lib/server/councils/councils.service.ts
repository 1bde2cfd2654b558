/**
 * The councils' rules. Services own their transaction; every staff change is audited in it, and
 * the mail (meeting invitations and reminders, answers to requests) and events it causes
 * (councils.statement_approved for the impact tracker) are written in the same transaction.
 *
 * Rules (issue 14): only a body's coordinators and admins run it; a meeting in the past gets no
 * invitations; attendance only for members holding a seat on the meeting day; statements are
 * drafted while the meeting is open and approved in it (from its start until it is closed);
 * leaving a body keeps the seat with its end date; a declined request needs a reason.
 */
import { sql } from 'kysely';
import { TZDate } from '@date-fns/tz';
import { recordAudit } from '../core/audit';
import { publish } from '../core/events';
import { enqueueMails, renderMail, type OutgoingMail } from '../core/mail';
import { HELSINKI, helsinkiDateText, helsinkiDay, replyDeadlineFor } from './councils.time';
import { isLocale, type Locale } from '$lib/i18n';
import type { SessionUser } from '../core/auth/roles';
import { createInvitation, memberContacts } from '../pool';
import type { CouncilsDb, CouncilsExecutor, CouncilsTx } from './councils.db';
import type { BodyInput, MeetingInput, MemberInput } from './councils.schemas';
import {
	COUNCIL_ACTIVITY,
	type CouncilError,
	type MemberRole,
	type Result
} from './councils.types';
import { coordinates, isStaff, mayCreateBodies } from './councils.access';
import { helsinkiDayOf, membersOnDay } from './councils.queries';
import { CouncilRefusal, membersWithFees, recordMeetingFees } from './councils.fees';

export type { CouncilError, Result };

const fail = (error: CouncilError) => ({ ok: false as const, error });

const localeOf = (l: string | null | undefined): Locale => (l && isLocale(l) ? l : 'fi');

// ---------------------------------------------------------------- bodies and members

export async function createBody(
	db: CouncilsDb,
	user: SessionUser,
	input: BodyInput
): Promise<Result<{ id: number }>> {
	if (!mayCreateBodies(user)) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const body = await trx
			.insertInto('council_body')
			.values({
				kind: input.kind,
				name: input.name,
				purpose: input.purpose,
				service_line_ids: [...new Set(input.serviceLineIds)],
				term_starts_on: input.termStartsOn,
				term_ends_on: input.termEndsOn || null,
				created_by: user.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// Coordinators: the creator (unless an admin creating for others) and those picked, who
		// must hold council_coordinator.
		const picked = input.coordinatorIds.length
			? await trx
					.selectFrom('user_role')
					.select('user_id')
					.distinct()
					.where('role', '=', 'council_coordinator')
					.where('user_id', 'in', input.coordinatorIds)
					.execute()
			: [];
		const ids = new Set(picked.map((p) => p.user_id));
		if (user.roles.some((g) => g.role === 'council_coordinator')) ids.add(user.id);
		if (ids.size)
			await trx
				.insertInto('council_coordinator')
				.values([...ids].map((user_id) => ({ body_id: body.id, user_id })))
				.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.body_created',
			entityType: 'council_body',
			entityId: body.id,
			details: { kind: input.kind, coordinators: ids.size }
		});
		return { ok: true as const, id: body.id };
	});
}

async function userIdByEmail(trx: CouncilsExecutor, email: string) {
	const u = await trx
		.selectFrom('app_user')
		.select('id')
		.where(sql<string>`lower(email)`, '=', email.toLowerCase())
		.executeTakeFirst();
	return u?.id ?? null;
}

async function seat(
	trx: CouncilsTx,
	user: SessionUser,
	bodyId: number,
	p: {
		name: string;
		email: string;
		phone: string | null;
		role: MemberRole;
		startsOn: string;
		poolMemberId: string | null;
		userId: string | null;
	}
): Promise<Result<{ id: number }>> {
	const current = await trx
		.selectFrom('council_member')
		.select('id')
		.where('body_id', '=', bodyId)
		.where(sql<string>`lower(email)`, '=', p.email.toLowerCase())
		.where('ends_on', 'is', null)
		.executeTakeFirst();
	if (current) return fail('duplicate');
	const row = await trx
		.insertInto('council_member')
		.values({
			body_id: bodyId,
			pool_member_id: p.poolMemberId,
			user_id: p.userId ?? (await userIdByEmail(trx, p.email)),
			name: p.name,
			email: p.email,
			phone: p.phone || null,
			role: p.role,
			starts_on: p.startsOn
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorUserId: user.id,
		action: 'councils.member_added',
		entityType: 'council_member',
		entityId: row.id,
		details: { bodyId, role: p.role, fromPool: p.poolMemberId !== null }
	});
	return { ok: true, id: row.id };
}

/** Adds a member directly (not through the pool). */
export async function addMember(
	db: CouncilsDb,
	user: SessionUser,
	bodyId: number,
	input: MemberInput
): Promise<Result<{ id: number }>> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	return db.transaction().execute((trx) =>
		seat(trx, user, bodyId, {
			name: input.name,
			email: input.email,
			phone: input.phone,
			role: input.role,
			startsOn: input.startsOn,
			poolMemberId: null,
			userId: null
		})
	);
}

/** Seats a pool member who answered the body's invitation, with name and contacts from the pool. */
export async function addCandidate(
	db: CouncilsDb,
	user: SessionUser,
	bodyId: number,
	input: { candidateId: number; role: MemberRole; startsOn: string }
): Promise<Result<{ id: number }>> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const c = await trx
			.selectFrom('council_candidate')
			.select(['id', 'pool_member_id', 'member_id'])
			.where('id', '=', input.candidateId)
			.where('body_id', '=', bodyId)
			.executeTakeFirst();
		if (!c || c.member_id !== null) return fail('not_found');
		const [p] = await memberContacts(trx, [c.pool_member_id]);
		if (!p) return fail('not_found');
		const r = await seat(trx, user, bodyId, {
			name: p.name,
			email: p.email,
			phone: p.phone,
			role: input.role,
			startsOn: input.startsOn,
			poolMemberId: p.id,
			userId: p.user_id
		});
		if (r.ok)
			await trx
				.updateTable('council_candidate')
				.set({ member_id: r.id })
				.where('id', '=', c.id)
				.execute();
		return r;
	});
}

/** Leaving keeps the seat with its end date (history); a seat ends at most once. */
export async function endMembership(
	db: CouncilsDb,
	user: SessionUser,
	bodyId: number,
	input: { memberId: number; endsOn: string; reason: string }
): Promise<Result> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const m = await trx
			.selectFrom('council_member')
			.select(['id', sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as('starts_on')])
			.where('id', '=', input.memberId)
			.where('body_id', '=', bodyId)
			.where('ends_on', 'is', null)
			.executeTakeFirst();
		if (!m) return fail('not_found');
		if (input.endsOn < m.starts_on) return fail('before_start');
		await trx
			.updateTable('council_member')
			.set({ ends_on: input.endsOn, end_reason: input.reason })
			.where('id', '=', m.id)
			.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.member_left',
			entityType: 'council_member',
			entityId: m.id,
			details: { bodyId, endsOn: input.endsOn }
		});
		return { ok: true };
	});
}

/**
 * Invites picked pool members to the body through a pool invitation (activity type 'council',
 * the body's id as activity id); their answers come back as pool.invitation_answered.
 */
export async function recruitFromPool(
	db: CouncilsDb,
	user: SessionUser,
	origin: string,
	bodyId: number,
	body: { name: string },
	input: { memberIds: string[]; deadline: string; message: string }
): Promise<Result<{ invitationId: number; recipients: number }>> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	const replyDeadline = replyDeadlineFor(input.deadline);
	if (!replyDeadline) return fail('past');
	const r = await createInvitation(db, user.id, origin, {
		activityType: COUNCIL_ACTIVITY,
		activityId: String(bodyId),
		title: body.name,
		messages: { fi: input.message, sv: input.message, en: input.message },
		replyDeadline,
		memberIds: input.memberIds
	});
	if (r.recipients === 0) return fail('no_recipients');
	return { ok: true, invitationId: r.id, recipients: r.recipients };
}

// ---------------------------------------------------------------- meetings

/** The instant of a Helsinki wall-clock day and time (summer time included). */
export function meetingInstant(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new Date(+new TZDate(y, m - 1, d, hh, mm, HELSINKI));
}

export async function createMeeting(
	db: CouncilsDb,
	user: SessionUser,
	bodyId: number,
	input: MeetingInput
): Promise<Result<{ id: number }>> {
	if (!(await coordinates(db, user, bodyId))) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('council_meeting')
			.values({
				body_id: bodyId,
				starts_at: meetingInstant(input.day, input.time),
				place: input.place,
				online_url: input.onlineUrl
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.meeting_created',
			entityType: 'council_meeting',
			entityId: row.id,
			details: { bodyId }
		});
		return { ok: true as const, id: row.id };
	});
}

async function meetingFor(trx: CouncilsExecutor, meetingId: number) {
	return trx
		.selectFrom('council_meeting')
		.select([
			'id',
			'body_id',
			'starts_at',
			'status',
			'place',
			'online_url',
			'minutes',
			helsinkiDayOf('starts_at').as('day')
		])
		.where('id', '=', meetingId)
		.executeTakeFirst();
}

/** A meeting the user coordinates, still open: the common check of the meeting's changes. */
async function openMeeting(
	trx: CouncilsExecutor,
	user: SessionUser,
	meetingId: number
): Promise<
	| { ok: true; meeting: NonNullable<Awaited<ReturnType<typeof meetingFor>>> }
	| { ok: false; error: CouncilError }
> {
	const meeting = await meetingFor(trx, meetingId);
	if (!meeting) return fail('not_found');
	if (!(await coordinates(trx, user, meeting.body_id))) return fail('forbidden');
	if (meeting.status === 'closed') return fail('closed');
	return { ok: true, meeting };
}

export async function addAgendaItem(
	db: CouncilsDb,
	user: SessionUser,
	meetingId: number,
	input: { service: string; question: string; broughtBy: string },
	requestId: number | null = null
): Promise<Result<{ id: number }>> {
	return db.transaction().execute((trx) => agendaItemIn(trx, user, meetingId, input, requestId));
}

async function agendaItemIn(
	trx: CouncilsTx,
	user: SessionUser,
	meetingId: number,
	input: { service: string; question: string; broughtBy: string },
	requestId: number | null
): Promise<Result<{ id: number }>> {
	const m = await openMeeting(trx, user, meetingId);
	if (!m.ok) return m;
	const last = await trx
		.selectFrom('council_agenda_item')
		.select((eb) => eb.fn.max('position').as('p'))
		.where('meeting_id', '=', meetingId)
		.executeTakeFirst();
	const row = await trx
		.insertInto('council_agenda_item')
		.values({
			meeting_id: meetingId,
			position: Number(last?.p ?? 0) + 1,
			service: input.service,
			question: input.question,
			brought_by: input.broughtBy,
			request_id: requestId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorUserId: user.id,
		action: 'councils.agenda_item_added',
		entityType: 'council_meeting',
		entityId: meetingId,
		details: { itemId: row.id, requestId }
	});
	return { ok: true, id: row.id };
}

export async function addMaterial(
	db: CouncilsDb,
	user: SessionUser,
	meetingId: number,
	input: { title: string; url: string }
): Promise<Result> {
	return db.transaction().execute(async (trx) => {
		const m = await openMeeting(trx, user, meetingId);
		if (!m.ok) return m;
		const row = await trx
			.insertInto('council_material')
			.values({ meeting_id: meetingId, title: input.title, url: input.url })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.material_added',
			entityType: 'council_meeting',
			entityId: meetingId,
			details: { materialId: row.id }
		});
		return { ok: true };
	});
}

/**
 * Mails the meeting's invitation (or a reminder) to every member seated on the meeting day, in
 * their account's language. A meeting that has begun gets neither.
 */
export async function sendMeetingMail(
	db: CouncilsDb,
	user: SessionUser,
	origin: string,
	meetingId: number,
	kind: 'invitation' | 'reminder',
	now = new Date()
): Promise<Result<{ sent: number }>> {
	return db.transaction().execute(async (trx) => {
		const m = await openMeeting(trx, user, meetingId);
		if (!m.ok) return m;
		const meeting = m.meeting;
		if (new Date(meeting.starts_at).getTime() <= now.getTime()) return fail('past');
		const body = await trx
			.selectFrom('council_body')
			.select('name')
			.where('id', '=', meeting.body_id)
			.executeTakeFirstOrThrow();
		const members = await membersOnDay(trx, meeting.body_id, meeting.day);
		if (!members.length) return fail('no_recipients');
		const locales = await trx
			.selectFrom('app_user')
			.select(['id', 'locale'])
			.where(
				'id',
				'in',
				members.flatMap((x) => (x.user_id ? [x.user_id] : ['00000000-0000-0000-0000-000000000000']))
			)
			.execute();
		const agenda = await trx
			.selectFrom('council_agenda_item')
			.select(['position', 'question'])
			.where('meeting_id', '=', meetingId)
			.orderBy('position')
			.execute();
		const mails: OutgoingMail[] = members.map((x) => {
			const l = localeOf(locales.find((u) => u.id === x.user_id)?.locale);
			return renderMail(`councils.mail.${kind}`, l, x.email, {
				body: body.name,
				when: helsinkiDateText(new Date(meeting.starts_at), l, true),
				where: [meeting.place, meeting.online_url].filter(Boolean).join(' · '),
				agenda: agenda.map((a) => `${a.position}. ${a.question}`).join('\n') || '–',
				url: `${origin}/account/councils`
			});
		});
		await enqueueMails(trx, mails);
		await trx
			.updateTable('council_meeting')
			.set(kind === 'invitation' ? { invited_at: sql`now()` } : { reminded_at: sql`now()` })
			.where('id', '=', meetingId)
			.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: kind === 'invitation' ? 'councils.meeting_invited' : 'councils.meeting_reminded',
			entityType: 'council_meeting',
			entityId: meetingId,
			details: { recipients: mails.length }
		});
		return { ok: true, sent: mails.length };
	});
}

/**
 * Sets who was present: every id must be a member seated on the meeting day (else nothing is
 * changed); a meeting not yet begun has no attendance.
 */
export async function recordAttendance(
	db: CouncilsDb,
	user: SessionUser,
	meetingId: number,
	memberIds: number[],
	now = new Date()
): Promise<Result<{ present: number }>> {
	return db.transaction().execute(async (trx) => {
		const m = await openMeeting(trx, user, meetingId);
		if (!m.ok) return m;
		if (m.meeting.day > helsinkiDay(now)) return fail('not_started');
		const seated = new Set(
			(await membersOnDay(trx, m.meeting.body_id, m.meeting.day)).map((x) => x.id)
		);
		const ids = [...new Set(memberIds)];
		if (ids.some((id) => !seated.has(id))) return fail('not_member');
		// A member with fees for the meeting stays recorded present (a fee only for an attended meeting).
		const withFees = await membersWithFees(trx, meetingId);
		if ([...withFees].some((id) => !ids.includes(id))) return fail('has_fees');
		await trx.deleteFrom('council_attendance').where('meeting_id', '=', meetingId).execute();
		if (ids.length)
			await trx
				.insertInto('council_attendance')
				.values(ids.map((member_id) => ({ meeting_id: meetingId, member_id })))
				.execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.attendance_recorded',
			entityType: 'council_meeting',
			entityId: meetingId,
			details: { present: ids.length }
		});
		return { ok: true, present: ids.length };
	});
}

export async function saveMinutes(
	db: CouncilsDb,
	user: SessionUser,
	meetingId: number,
	minutes: string
): Promise<Result> {
	return db.transaction().execute(async (trx) => {
		const m = await openMeeting(trx, user, meetingId);
		if (!m.ok) return m;
		await trx.updateTable('council_meeting').set({ minutes }).where('id', '=', meetingId).execute();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.minutes_saved',
			entityType: 'council_meeting',
			entityId: meetingId
		});
		return { ok: true };
	});
}

/**
 * Closes a meeting that has begun and has minutes; drafts not approved stay drafts. The meeting
 * fees of the members present are recorded with it from the schedule (councils.fees.ts); with no
 * rate in force on the meeting day nothing is closed.
 */
export async function closeMeeting(
	db: CouncilsDb,
	user: SessionUser,
	meetingId: number,
	now = new Date()
): Promise<Result<{ fees: number }>> {
	try {
		return await db.transaction().execute(async (trx) => {
			const m = await openMeeting(trx, user, meetingId);
			if (!m.ok) return m;
			if (new Date(m.meeting.starts_at).getTime() > now.getTime()) return fail('not_started');
			if (!m.meeting.minutes.trim()) return fail('no_minutes');
			await trx
				.updateTable('council_meeting')
				.set({ status: 'closed', closed_at: sql`now()` })
				.where('id', '=', meetingId)
				.execute();
			const fees = await recordMeetingFees(trx, user, meetingId);
			await recordAudit(trx, {
				actorUserId: user.id,
				action: 'councils.meeting_closed',
				entityType: 'council_meeting',
				entityId: meetingId,
				details: { fees }
			});
			return { ok: true as const, fees };
		});
	} catch (e) {
		if (e instanceof CouncilRefusal) return fail(e.error);
		throw e;
	}
}

// ---------------------------------------------------------------- statements

/** The seat through which a signed-in person takes part in a meeting (seated on its day). */
async function seatAt(trx: CouncilsExecutor, userId: string, bodyId: number, day: string) {
	const rows = await membersOnDay(trx, bodyId, day);
	return rows.find((r) => r.user_id === userId) ?? null;
}

/**
 * A member (seated on the meeting day) or a coordinator drafts a statement, or edits a draft,
 * while the meeting is open. A member edits only their own drafts.
 */
export async function saveDraft(
	db: CouncilsDb,
	user: SessionUser,
	input: { meetingId: number; statementId: number | null; body: string }
): Promise<Result<{ id: number }>> {
	return db.transaction().execute(async (trx) => {
		const meeting = await meetingFor(trx, input.meetingId);
		if (!meeting) return fail('not_found');
		const coordinator = await coordinates(trx, user, meeting.body_id);
		const mySeat = await seatAt(trx, user.id, meeting.body_id, meeting.day);
		if (!coordinator && !mySeat) return fail('forbidden');
		if (meeting.status === 'closed') return fail('closed');
		let id: number;
		if (input.statementId !== null) {
			const s = await trx
				.selectFrom('council_statement')
				.select(['id', 'status', 'drafted_by'])
				.where('id', '=', input.statementId)
				.where('meeting_id', '=', meeting.id)
				.executeTakeFirst();
			if (!s) return fail('not_found');
			if (!coordinator && s.drafted_by !== mySeat?.id) return fail('forbidden');
			if (s.status !== 'draft') return fail('not_open');
			await trx
				.updateTable('council_statement')
				.set({ body: input.body, updated_at: sql`now()` })
				.where('id', '=', s.id)
				.execute();
			id = s.id;
		} else {
			const row = await trx
				.insertInto('council_statement')
				.values({ meeting_id: meeting.id, body: input.body, drafted_by: mySeat?.id ?? null })
				.returning('id')
				.executeTakeFirstOrThrow();
			id = row.id;
		}
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.statement_drafted',
			entityType: 'council_statement',
			entityId: id,
			details: { meetingId: meeting.id, byMember: !!mySeat && !coordinator }
		});
		return { ok: true, id };
	});
}

/**
 * The body approves a draft in the meeting (from its start until it is closed); the statement
 * goes to the impact tracker as a finding (councils.statement_approved). Reopening an approved
 * statement before the meeting closes withdraws the finding.
 */
export async function decideStatement(
	db: CouncilsDb,
	user: SessionUser,
	statementId: number,
	action: 'approve' | 'reopen',
	now = new Date()
): Promise<Result> {
	return db.transaction().execute(async (trx) => {
		const s = await trx
			.selectFrom('council_statement')
			.select(['id', 'meeting_id', 'status', 'body'])
			.where('id', '=', statementId)
			.executeTakeFirst();
		if (!s) return fail('not_found');
		const m = await openMeeting(trx, user, s.meeting_id);
		if (!m.ok) return m;
		const meeting = m.meeting;
		if (new Date(meeting.starts_at).getTime() > now.getTime()) return fail('not_started');
		const body = await trx
			.selectFrom('council_body')
			.select(['id', 'name', 'kind', 'service_line_ids'])
			.where('id', '=', meeting.body_id)
			.executeTakeFirstOrThrow();
		if (action === 'approve') {
			if (s.status !== 'draft') return fail('not_open');
			await trx
				.updateTable('council_statement')
				.set({ status: 'approved', approved_at: now, updated_at: sql`now()` })
				.where('id', '=', s.id)
				.execute();
			const attended = await trx
				.selectFrom('council_attendance')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('meeting_id', '=', meeting.id)
				.executeTakeFirstOrThrow();
			await publish(trx, 'councils.statement_approved', {
				statementId: s.id,
				meetingId: meeting.id,
				bodyId: body.id,
				bodyName: body.name,
				bodyKind: body.kind,
				body: s.body,
				meetingDay: meeting.day,
				approvedOn: helsinkiDay(now),
				attended: Number(attended.n),
				serviceLineIds: body.service_line_ids
			});
		} else {
			if (s.status !== 'approved') return fail('not_open');
			await trx
				.updateTable('council_statement')
				.set({ status: 'draft', approved_at: null, updated_at: sql`now()` })
				.where('id', '=', s.id)
				.execute();
			await publish(trx, 'councils.statement_reopened', {
				statementId: s.id,
				meetingId: meeting.id,
				bodyId: body.id
			});
		}
		await recordAudit(trx, {
			actorUserId: user.id,
			action: action === 'approve' ? 'councils.statement_approved' : 'councils.statement_reopened',
			entityType: 'council_statement',
			entityId: s.id,
			details: { meetingId: meeting.id }
		});
		return { ok: true };
	});
}

// ---------------------------------------------------------------- requests from staff

export async function createRequest(
	db: CouncilsDb,
	user: SessionUser,
	input: { bodyId: number; topic: string; description: string }
): Promise<Result<{ id: number }>> {
	if (!isStaff(user)) return fail('forbidden');
	return db.transaction().execute(async (trx) => {
		const body = await trx
			.selectFrom('council_body')
			.select('id')
			.where('id', '=', input.bodyId)
			.executeTakeFirst();
		if (!body) return fail('not_found');
		const row = await trx
			.insertInto('council_request')
			.values({
				body_id: body.id,
				asked_by: user.id,
				topic: input.topic,
				description: input.description
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.request_created',
			entityType: 'council_request',
			entityId: row.id,
			details: { bodyId: body.id }
		});
		return { ok: true as const, id: row.id };
	});
}

async function requestFor(trx: CouncilsTx, user: SessionUser, requestId: number) {
	const r = await trx
		.selectFrom('council_request as r')
		.innerJoin('council_body as b', 'b.id', 'r.body_id')
		.leftJoin('app_user as u', 'u.id', 'r.asked_by')
		.select([
			'r.id',
			'r.body_id',
			'r.topic',
			'r.description',
			'r.status',
			'b.name as body_name',
			'u.email as asker_email',
			'u.locale as asker_locale',
			'u.display_name as asker_name'
		])
		.where('r.id', '=', requestId)
		.executeTakeFirst();
	if (!r) return fail('not_found');
	if (!(await coordinates(trx, user, r.body_id))) return fail('forbidden');
	return { ok: true as const, request: r };
}

function mailAsker(
	r: { asker_email: string | null; asker_locale: string | null; topic: string; body_name: string },
	template: string,
	origin: string,
	params: Record<string, string>
): OutgoingMail[] {
	if (!r.asker_email) return [];
	return [
		renderMail(`councils.mail.${template}`, localeOf(r.asker_locale), r.asker_email, {
			topic: r.topic,
			body: r.body_name,
			url: `${origin}/staff/councils`,
			...params
		})
	];
}

/** Accepts an open request into an open meeting of the same body: an agenda item, brought by the asker. */
export async function acceptRequest(
	db: CouncilsDb,
	user: SessionUser,
	origin: string,
	requestId: number,
	meetingId: number
): Promise<Result> {
	return db.transaction().execute(async (trx) => {
		const got = await requestFor(trx, user, requestId);
		if (!got.ok) return got;
		const r = got.request;
		if (r.status !== 'open') return fail('not_open');
		const meeting = await meetingFor(trx, meetingId);
		if (!meeting || meeting.body_id !== r.body_id) return fail('not_found');
		const item = await agendaItemIn(
			trx,
			user,
			meetingId,
			{
				service: '',
				question: [r.topic, r.description].filter(Boolean).join(' — ').slice(0, 1000),
				broughtBy: r.asker_name ?? ''
			},
			r.id
		);
		if (!item.ok) return item;
		await trx
			.updateTable('council_request')
			.set({ status: 'accepted', decided_at: sql`now()` })
			.where('id', '=', r.id)
			.execute();
		const l = localeOf(r.asker_locale);
		await enqueueMails(
			trx,
			mailAsker(r, 'requestAccepted', origin, {
				when: helsinkiDateText(new Date(meeting.starts_at), l, true)
			})
		);
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.request_accepted',
			entityType: 'council_request',
			entityId: r.id,
			details: { meetingId }
		});
		return { ok: true };
	});
}

export async function declineRequest(
	db: CouncilsDb,
	user: SessionUser,
	origin: string,
	requestId: number,
	reason: string
): Promise<Result> {
	return db.transaction().execute(async (trx) => {
		const got = await requestFor(trx, user, requestId);
		if (!got.ok) return got;
		const r = got.request;
		if (r.status !== 'open') return fail('not_open');
		await trx
			.updateTable('council_request')
			.set({ status: 'declined', decline_reason: reason, decided_at: sql`now()` })
			.where('id', '=', r.id)
			.execute();
		await enqueueMails(trx, mailAsker(r, 'requestDeclined', origin, { reason }));
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.request_declined',
			entityType: 'council_request',
			entityId: r.id
		});
		return { ok: true };
	});
}

/** The body's answer to an accepted request goes back to the asker (mail and their request list). */
export async function answerRequest(
	db: CouncilsDb,
	user: SessionUser,
	origin: string,
	requestId: number,
	answer: string
): Promise<Result> {
	return db.transaction().execute(async (trx) => {
		const got = await requestFor(trx, user, requestId);
		if (!got.ok) return got;
		const r = got.request;
		if (r.status !== 'accepted') return fail('not_open');
		await trx
			.updateTable('council_request')
			.set({ status: 'answered', answer, answered_at: sql`now()` })
			.where('id', '=', r.id)
			.execute();
		await enqueueMails(trx, mailAsker(r, 'requestAnswered', origin, { answer }));
		await recordAudit(trx, {
			actorUserId: user.id,
			action: 'councils.request_answered',
			entityType: 'council_request',
			entityId: r.id
		});
		return { ok: true };
	});
}
