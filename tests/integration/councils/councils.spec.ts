/**
 * The councils' rules on PGlite and PostgreSQL: recruiting through a pool invitation (the answer
 * comes back by event and the candidate is seated with the pool's contact details); leaving keeps
 * history; a past meeting gets no invitations; attendance only for members seated on the meeting
 * day; a member drafts and the coordinator approves in the meeting, and the statement becomes a
 * finding in the impact tracker through the event (redelivered without a second finding);
 * requests are accepted into an agenda, declined with a reason, answered back to the asker; only
 * the body's coordinators and admins run it or see contacts (real objects of other people).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { deliverEventBatch } from '../../../src/lib/server/core/events';
import { addDays, helsinkiDay } from '../../../src/lib/server/core/time';
import type { SessionUser, Role } from '../../../src/lib/server/core/auth/roles';
import { answerByToken } from '../../../src/lib/server/pool';
import { IMPACT_HANDLERS } from '../../../src/lib/server/impact';
import { addRate, payrollCsv, type FeesTx } from '../../../src/lib/server/fees';
import {
	COUNCILS_HANDLERS,
	acceptRequest,
	addAgendaItem,
	addCandidate,
	addMember,
	answerRequest,
	bodyPage,
	bodySchema,
	candidatesOf,
	closeMeeting,
	createBody,
	createMeeting,
	createRequest,
	decideStatement,
	declineRequest,
	bodyFees,
	ownFees,
	recordExpense,
	endMembership,
	meetingPage,
	memberPage,
	membersOnDay,
	recordAttendance,
	recruitFromPool,
	requestsBy,
	saveDraft,
	saveMinutes,
	sendMeetingMail
} from '../../../src/lib/server/councils';
import { activeMember, lastLinkTo } from '../pool/helpers';

const ORIGIN = 'http://portal.test';
const TODAY = helsinkiDay(new Date());

describe.each(BACKENDS)('councils on %s', (backend) => {
	let t: TestDb;
	const users: Record<string, SessionUser> = {};

	async function user(key: string, roles: Role[], locale = 'fi') {
		const row = await t.db
			.insertInto('app_user')
			.values({ email: `${key}@example.fi`, display_name: key, locale })
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const role of roles)
			await t.db.insertInto('user_role').values({ user_id: row.id, role }).execute();
		users[key] = {
			id: row.id,
			email: `${key}@example.fi`,
			displayName: key,
			locale,
			roles: roles.map((role) => ({ role, unitId: null, serviceLineId: null }))
		};
		return users[key];
	}
	const deliver = () => deliverEventBatch(t.db, [...COUNCILS_HANDLERS, ...IMPACT_HANDLERS]);
	const body = (over: Record<string, unknown> = {}) =>
		bodySchema.parse({
			kind: 'customer_council',
			name: 'Kotihoidon asiakasraati',
			termStartsOn: addDays(TODAY, -100),
			...over
		});
	const ok = <T extends { ok: boolean }>(r: T) => {
		expect(r).toMatchObject({ ok: true });
		return r as Extract<T, { ok: true }>;
	};

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		await user('coord', ['council_coordinator']);
		await user('othercoord', ['council_coordinator']);
		await user('admin', ['admin']);
		await user('nurse', ['staff']);
		await user('asker', ['feedback_handler'], 'sv');
		await user('resident', ['resident']);
	});
	afterEach(() => t.close());

	it('recruits from the pool, seats the candidate with the pool details, and keeps history on leaving', async () => {
		const b = ok(await createBody(t.db, users.coord, body()));
		const poolId = await activeMember(t.db, { email: 'resident@example.fi', name: 'Raija Raati' });
		const r = ok(
			await recruitFromPool(
				t.db,
				users.coord,
				ORIGIN,
				b.id,
				{ name: 'Kotihoidon asiakasraati' },
				{
					memberIds: [poolId],
					deadline: addDays(TODAY, 7),
					message: 'Tervetuloa raatiin'
				}
			)
		);
		expect(r.recipients).toBe(1);
		// Another body's coordinator may not recruit for this body.
		expect(
			await recruitFromPool(
				t.db,
				users.othercoord,
				ORIGIN,
				b.id,
				{ name: 'x' },
				{
					memberIds: [poolId],
					deadline: addDays(TODAY, 7),
					message: 'x'
				}
			)
		).toEqual({ ok: false, error: 'forbidden' });
		const inv = await t.db
			.selectFrom('pool_invitation')
			.select(['activity_type', 'activity_id'])
			.executeTakeFirstOrThrow();
		expect(inv).toEqual({ activity_type: 'council', activity_id: String(b.id) });
		const token = await lastLinkTo(t.db, 'resident@example.fi', '/pool/reply');
		expect(await answerByToken(t.db, token, 'yes')).toBe('ok');
		await deliver();
		await deliver(); // redelivery changes nothing
		const candidates = await candidatesOf(t.db, b.id);
		expect(candidates).toHaveLength(1);
		expect(candidates[0].name).toBe('Raija Raati');
		expect(
			await addCandidate(t.db, users.othercoord, b.id, {
				candidateId: candidates[0].id,
				role: 'chair',
				startsOn: TODAY
			})
		).toEqual({ ok: false, error: 'forbidden' });
		const seat = ok(
			await addCandidate(t.db, users.coord, b.id, {
				candidateId: candidates[0].id,
				role: 'chair',
				startsOn: addDays(TODAY, -50)
			})
		);
		expect(await candidatesOf(t.db, b.id)).toHaveLength(0);
		// The seat is linked to the resident's account by the address: their own page shows it.
		expect((await memberPage(t.db, users.resident)).seats.map((s) => s.role)).toEqual(['chair']);
		// A second current seat for the same address is refused.
		expect(
			await addMember(t.db, users.coord, b.id, {
				name: 'Raija',
				email: 'RESIDENT@example.fi',
				phone: '',
				role: 'member',
				startsOn: TODAY
			})
		).toEqual({ ok: false, error: 'duplicate' });
		expect(
			await endMembership(t.db, users.coord, b.id, {
				memberId: seat.id,
				endsOn: addDays(TODAY, -60),
				reason: ''
			})
		).toEqual({ ok: false, error: 'before_start' });
		ok(
			await endMembership(t.db, users.coord, b.id, {
				memberId: seat.id,
				endsOn: addDays(TODAY, -10),
				reason: 'Muutti'
			})
		);
		const page = await bodyPage(t.db, users.coord, b.id);
		expect(page?.members.map((m) => [m.name, m.ends_on])).toEqual([
			['Raija Raati', addDays(TODAY, -10)]
		]);
		expect(page?.memberCount).toBe(0);
		expect(await membersOnDay(t.db, b.id, addDays(TODAY, -20))).toHaveLength(1);
		expect(await membersOnDay(t.db, b.id, TODAY)).toHaveLength(0);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'councils.%')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'councils.body_created',
				'councils.member_added',
				'councils.member_left'
			])
		);
	});

	it('holds a meeting: no invitations in the past, attendance only for seated members, statement to a finding', async () => {
		const b = ok(await createBody(t.db, users.coord, body()));
		const chair = ok(
			await addMember(t.db, users.coord, b.id, {
				name: 'Resident',
				email: 'resident@example.fi',
				phone: '040 123',
				role: 'chair',
				startsOn: addDays(TODAY, -60)
			})
		);
		const late = ok(
			await addMember(t.db, users.coord, b.id, {
				name: 'Myöhään tullut',
				email: 'late@example.fi',
				phone: '',
				role: 'member',
				startsOn: TODAY
			})
		);
		const past = ok(
			await createMeeting(t.db, users.coord, b.id, {
				day: addDays(TODAY, -7),
				time: '17:00',
				place: 'Kokoushuone',
				onlineUrl: ''
			})
		);
		const future = ok(
			await createMeeting(t.db, users.coord, b.id, {
				day: addDays(TODAY, 7),
				time: '17:00',
				place: '',
				onlineUrl: 'https://meet.example.fi/x'
			})
		);
		expect(await sendMeetingMail(t.db, users.coord, ORIGIN, past.id, 'invitation')).toEqual({
			ok: false,
			error: 'past'
		});
		const sent = ok(await sendMeetingMail(t.db, users.coord, ORIGIN, future.id, 'invitation'));
		expect(sent.sent).toBe(2);
		expect(await sendMeetingMail(t.db, users.othercoord, ORIGIN, future.id, 'reminder')).toEqual({
			ok: false,
			error: 'forbidden'
		});
		const mails = await t.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'text_body'])
			.where('category', '=', 'councils.mail.invitation')
			.execute();
		expect(mails.map((m) => m.to_address).sort()).toEqual([
			'late@example.fi',
			'resident@example.fi'
		]);
		ok(
			await addAgendaItem(t.db, users.coord, past.id, {
				service: 'Kotihoito',
				question: 'Käyntiajat',
				broughtBy: 'Esihenkilö'
			})
		);
		// The late member held no seat a week ago: nothing is recorded.
		expect(await recordAttendance(t.db, users.coord, past.id, [chair.id, late.id])).toEqual({
			ok: false,
			error: 'not_member'
		});
		expect(await recordAttendance(t.db, users.coord, future.id, [chair.id])).toEqual({
			ok: false,
			error: 'not_started'
		});
		ok(await recordAttendance(t.db, users.coord, past.id, [chair.id]));

		// The member drafts; an outsider cannot; the body approves in the meeting.
		expect(
			await saveDraft(t.db, users.nurse, { meetingId: past.id, statementId: null, body: 'x' })
		).toEqual({ ok: false, error: 'forbidden' });
		const draft = ok(
			await saveDraft(t.db, users.resident, {
				meetingId: past.id,
				statementId: null,
				body: 'Käyntiajoista kerrottava ajoissa'
			})
		);
		expect(await decideStatement(t.db, users.resident, draft.id, 'approve')).toEqual({
			ok: false,
			error: 'forbidden'
		});
		ok(await decideStatement(t.db, users.coord, draft.id, 'approve'));
		expect(await decideStatement(t.db, users.coord, draft.id, 'approve')).toEqual({
			ok: false,
			error: 'not_open'
		});
		await deliver();
		await deliver();
		const findings = await t.db
			.selectFrom('impact_finding as f')
			.innerJoin('impact_activity as a', 'a.id', 'f.activity_id')
			.select(['f.body', 'f.kind', 'f.status', 'a.topic', 'a.took_part', 'f.source_id'])
			.where('f.source_type', '=', 'council_statement')
			.execute();
		expect(findings).toEqual([
			{
				body: 'Käyntiajoista kerrottava ajoissa',
				kind: 'statement',
				status: 'received',
				topic: 'Kotihoidon asiakasraati',
				took_part: 1,
				source_id: String(draft.id)
			}
		]);
		// The member present, by their account, is told when the finding moves.
		const chairAccount = await t.db
			.selectFrom('council_member')
			.select('user_id')
			.where('id', '=', chair.id)
			.executeTakeFirstOrThrow();
		expect(chairAccount.user_id).not.toBeNull();
		const told = await t.db
			.selectFrom('impact_contact as c')
			.innerJoin('impact_recipient as r', 'r.id', 'c.recipient_id')
			.innerJoin('impact_finding as f', 'f.id', 'c.finding_id')
			.select('r.user_id')
			.where('f.source_type', '=', 'council_statement')
			.execute();
		expect(told).toEqual([{ user_id: chairAccount.user_id }]);
		// Closing needs minutes; after closing nothing changes.
		expect(await closeMeeting(t.db, users.coord, past.id)).toEqual({
			ok: false,
			error: 'no_minutes'
		});
		ok(await saveMinutes(t.db, users.coord, past.id, 'Pöytäkirja'));
		// Fees: a cost only for a member present; with no rate in force nothing is closed.
		expect(
			await recordExpense(t.db, users.coord, past.id, {
				memberId: late.id,
				kind: 'travel_ticket',
				amount: '4,80',
				note: ''
			})
		).toEqual({ ok: false, error: 'not_attended' });
		expect(await closeMeeting(t.db, users.coord, past.id)).toEqual({
			ok: false,
			error: 'no_rate'
		});
		expect((await bodyFees(t.db, b.id)).rows).toHaveLength(0);
		await t.db.transaction().execute(async (trx) => {
			const tx = trx as unknown as FeesTx;
			const from = addDays(TODAY, -400);
			await addRate(tx, users.admin.id, {
				kind: 'meeting_fee_chair',
				cents: 9000,
				validFrom: from,
				validTo: null
			});
			await addRate(tx, users.admin.id, {
				kind: 'meeting_fee_member',
				cents: 6000,
				validFrom: from,
				validTo: null
			});
			await addRate(tx, users.admin.id, {
				kind: 'travel_km',
				cents: 55,
				validFrom: from,
				validTo: null
			});
		});
		ok(
			await recordExpense(t.db, users.coord, past.id, {
				memberId: chair.id,
				kind: 'travel_km',
				amount: '24,5',
				note: ''
			})
		);
		ok(
			await recordExpense(t.db, users.coord, past.id, {
				memberId: chair.id,
				kind: 'travel_ticket',
				amount: '4,80',
				note: 'Bussi'
			})
		);
		expect(
			await recordExpense(t.db, users.coord, past.id, {
				memberId: chair.id,
				kind: 'other',
				amount: 'paljon',
				note: ''
			})
		).toEqual({ ok: false, error: 'amount' });
		expect(await recordAttendance(t.db, users.coord, past.id, [])).toEqual({
			ok: false,
			error: 'has_fees'
		});
		expect(await closeMeeting(t.db, users.coord, past.id)).toEqual({ ok: true, fees: 1 });
		// Hand count: chair's fee 90,00 + 24,5 km × 0,55 = 13,475 → 13,48 + ticket 4,80 = 108,28 €.
		const fees = await bodyFees(t.db, b.id);
		expect(fees.rows.map((r) => [r.kind, r.amount_cents]).sort()).toEqual([
			['meeting_fee_chair', 9000],
			['travel_km', 1348],
			['travel_ticket', 480]
		]);
		expect(fees.totalCents).toBe(10828);
		expect(fees.byMember).toEqual([{ key: users.resident.id, name: 'Resident', cents: 10828 }]);
		expect((await ownFees(t.db, users.resident.id)).map((r) => r.amount_cents).sort()).toEqual([
			1348, 480, 9000
		]);
		expect(await ownFees(t.db, users.nurse.id)).toEqual([]);
		const csv = await payrollCsv(t.db, fees.rows[0].month);
		expect(csv).toContain('meeting_fee_chair;1;90;90;council_meeting');
		expect(csv).toContain('travel_km;24,5;0,55;13,48;council_meeting');
		expect(
			await saveDraft(t.db, users.resident, { meetingId: past.id, statementId: null, body: 'y' })
		).toEqual({ ok: false, error: 'closed' });
		expect(await decideStatement(t.db, users.coord, draft.id, 'reopen')).toEqual({
			ok: false,
			error: 'closed'
		});
		// Contacts and the meeting page: coordinators and admins only.
		expect(await meetingPage(t.db, users.othercoord, past.id)).toBe('forbidden');
		expect(await meetingPage(t.db, users.nurse, past.id)).toBe('forbidden');
		expect(await meetingPage(t.db, users.admin, past.id)).not.toBe('forbidden');
		const outsider = await bodyPage(t.db, users.othercoord, b.id);
		expect(outsider?.canCoordinate).toBe(false);
		expect(outsider?.members).toEqual([]);
		expect(JSON.stringify(outsider)).not.toContain('resident@example.fi');
		expect(JSON.stringify(await bodyPage(t.db, users.admin, b.id))).toContain('040 123');
	});

	it('reopening an approved statement in the meeting withdraws its finding', async () => {
		const b = ok(await createBody(t.db, users.coord, body()));
		const m = ok(
			await createMeeting(t.db, users.coord, b.id, {
				day: TODAY,
				time: '00:00',
				place: 'Sali',
				onlineUrl: ''
			})
		);
		const s = ok(
			await saveDraft(t.db, users.coord, { meetingId: m.id, statementId: null, body: 'Lausunto' })
		);
		ok(await decideStatement(t.db, users.coord, s.id, 'approve'));
		await deliver();
		ok(await decideStatement(t.db, users.coord, s.id, 'reopen'));
		await deliver();
		const f = await t.db
			.selectFrom('impact_finding')
			.select('withdrawn_at')
			.where('source_type', '=', 'council_statement')
			.executeTakeFirstOrThrow();
		expect(f.withdrawn_at).not.toBeNull();
	});

	it('takes staff requests: accepted into an agenda and answered, or declined with a reason', async () => {
		const b = ok(await createBody(t.db, users.coord, body()));
		const m = ok(
			await createMeeting(t.db, users.coord, b.id, {
				day: addDays(TODAY, 14),
				time: '17:00',
				place: 'Sali',
				onlineUrl: ''
			})
		);
		expect(
			await createRequest(t.db, users.resident, { bodyId: b.id, topic: 'x', description: '' })
		).toEqual({ ok: false, error: 'forbidden' });
		const r1 = ok(
			await createRequest(t.db, users.asker, {
				bodyId: b.id,
				topic: 'Palautelomake',
				description: 'Onko lomake selkeä?'
			})
		);
		const r2 = ok(
			await createRequest(t.db, users.nurse, {
				bodyId: b.id,
				topic: 'Aulan opasteet',
				description: ''
			})
		);
		expect(await acceptRequest(t.db, users.othercoord, ORIGIN, r1.id, m.id)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect(await answerRequest(t.db, users.coord, ORIGIN, r1.id, 'early')).toEqual({
			ok: false,
			error: 'not_open'
		});
		ok(await acceptRequest(t.db, users.coord, ORIGIN, r1.id, m.id));
		const page = await meetingPage(t.db, users.coord, m.id);
		expect(page !== null && page !== 'forbidden' && page.agenda[0]).toMatchObject({
			question: 'Palautelomake — Onko lomake selkeä?',
			brought_by: 'asker',
			request_id: r1.id
		});
		ok(await answerRequest(t.db, users.coord, ORIGIN, r1.id, 'Raati pitää lomaketta selkeänä.'));
		ok(await declineRequest(t.db, users.coord, ORIGIN, r2.id, 'Ei kuulu tälle raadille'));
		// Each asker sees their own requests only, with the answer or the reason.
		const mine = await requestsBy(t.db, users.asker.id);
		expect(mine.map((r) => [r.status, r.answer])).toEqual([
			['answered', 'Raati pitää lomaketta selkeänä.']
		]);
		expect((await requestsBy(t.db, users.nurse.id))[0]).toMatchObject({
			status: 'declined',
			decline_reason: 'Ei kuulu tälle raadille'
		});
		const mails = await t.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'category', 'subject'])
			.where('category', 'like', 'councils.mail.request%')
			.orderBy('id')
			.execute();
		expect(mails.map((x) => [x.to_address, x.category])).toEqual([
			['asker@example.fi', 'councils.mail.requestAccepted'],
			['asker@example.fi', 'councils.mail.requestAnswered'],
			['nurse@example.fi', 'councils.mail.requestDeclined']
		]);
		// Other staff see the public information, not the queue.
		expect((await bodyPage(t.db, users.nurse, b.id))?.requests).toEqual([]);
	});
});
