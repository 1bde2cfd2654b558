/**
 * Councils: statements: drafted while a meeting is open, approved in it; an approved statement is published to the impact tracker.
 * Services own their transaction; every staff change is audited in it, and the mail and events
 * it causes are written in the same transaction (rules: issue 14, README).
 */
import { sql } from 'kysely';
import { recordAudit } from '../core/audit';
import { publish } from '../core/events';
import { helsinkiDay } from './councils.time';
import type { SessionUser } from '../core/auth/roles';
import type { CouncilsDb, CouncilsExecutor } from './councils.db';
import type { Result } from './councils.types';
import { coordinates } from './councils.access';
import { membersOnDay } from './councils.queries';
import { fail } from './councils.result';
import { meetingFor, openMeeting } from './councils.meetings';

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
			const present = await trx
				.selectFrom('council_attendance as a')
				.innerJoin('council_member as m', 'm.id', 'a.member_id')
				.select('m.user_id')
				.where('a.meeting_id', '=', meeting.id)
				.execute();
			await publish(trx, 'councils.statement_approved', {
				statementId: s.id,
				meetingId: meeting.id,
				bodyId: body.id,
				bodyName: body.name,
				bodyKind: body.kind,
				body: s.body,
				meetingDay: meeting.day,
				approvedOn: helsinkiDay(now),
				attended: present.length,
				serviceLineIds: body.service_line_ids,
				memberUserIds: [...new Set(present.flatMap((m) => (m.user_id ? [m.user_id] : [])))]
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
