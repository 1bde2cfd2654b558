/**
 * Councils: requests from staff to a body: accepted into a meeting as an agenda item, declined with a reason, answered.
 * Services own their transaction; every staff change is audited in it, and the mail and events
 * it causes are written in the same transaction (rules: issue 14, README).
 */
import { sql } from 'kysely';
import { recordAudit } from '../core/audit';
import { enqueueMails, renderMail, type OutgoingMail } from '../core/mail';
import { helsinkiDateText } from './councils.time';
import type { SessionUser } from '../core/auth/roles';
import type { CouncilsDb, CouncilsTx } from './councils.db';
import type { Result } from './councils.types';
import { coordinates, isStaff } from './councils.access';
import { fail, localeOf } from './councils.result';
import { agendaItemIn, meetingFor } from './councils.meetings';

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
