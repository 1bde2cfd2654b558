/**
 * Councils: meetings: agenda, materials, invitations and reminders, attendance, minutes and closing (with the meeting fees).
 * Services own their transaction; every staff change is audited in it, and the mail and events
 * it causes are written in the same transaction (rules: issue 14, README).
 */
import { sql } from 'kysely';
import { TZDate } from '@date-fns/tz';
import { recordAudit } from '../core/audit';
import { enqueueMails, renderMail, type OutgoingMail } from '../core/mail';
import { HELSINKI, helsinkiDateText, helsinkiDay } from './councils.time';
import type { SessionUser } from '../core/auth/roles';
import type { CouncilsDb, CouncilsExecutor, CouncilsTx } from './councils.db';
import type { MeetingInput } from './councils.schemas';
import { type CouncilError, type Result } from './councils.types';
import { coordinates } from './councils.access';
import { helsinkiDayOf, membersOnDay } from './councils.queries';
import { CouncilRefusal, membersWithFees, recordMeetingFees } from './councils.fees';
import { fail, localeOf } from './councils.result';

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

export async function meetingFor(trx: CouncilsExecutor, meetingId: number) {
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
export async function openMeeting(
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

export async function agendaItemIn(
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
