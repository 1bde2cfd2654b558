/**
 * The experts module's rules on PGlite and PostgreSQL: profiles wait for approval (and so does a
 * change of experience areas); requests refuse past dates, zero experts and no purpose; the
 * coordinator proposes, a decline proposes the next one of the ranking, an acceptance fills the
 * request; an expert is never booked twice at overlapping times; staff see only the first name,
 * areas and ways to meet; closing publishes the finding, which the impact handler turns into a
 * finding; the CSV totals equal a hand count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { deliverEventBatch } from '../../../src/lib/server/core/events';
import { addDays, helsinkiDay } from '../../../src/lib/server/core/time';
import { readCsv, csvObjects } from '../../../src/lib/server/core/csv';
import type { Role, SessionUser } from '../../../src/lib/server/core/auth/roles';
import { addUnits } from '../feedback/fixtures';
import { IMPACT_HANDLERS } from '../../../src/lib/server/impact';
import {
	answerAsExpert,
	answerByToken,
	approveProfile,
	closeAssignment,
	closeSchema,
	createRequest,
	feedbackSchema,
	giveFeedback,
	ownProfile,
	profileSchema,
	proposeExpert,
	requestSchema,
	saveOwnProfile,
	setPaused,
	staffRequestView,
	totalsCsv
} from '../../../src/lib/server/experts';

const ORIGIN = 'http://portal.test';
const DAY = addDays(helsinkiDay(new Date()), 30);

describe.each(BACKENDS)('experts on %s', (backend) => {
	let t: TestDb;
	let unitId: number;
	const users: Record<string, SessionUser> = {};

	async function user(key: string, roles: Role[]) {
		const row = await t.db
			.insertInto('app_user')
			.values({ email: `${key}@example.fi`, display_name: `${key} Sukunimi`, locale: 'fi' })
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const role of roles)
			await t.db.insertInto('user_role').values({ user_id: row.id, role }).execute();
		users[key] = {
			id: row.id,
			email: `${key}@example.fi`,
			displayName: key,
			locale: 'fi',
			roles: roles.map((role) => ({ role, unitId: null, serviceLineId: null }))
		};
		return users[key];
	}

	const profile = (over: Record<string, unknown> = {}) =>
		profileSchema.parse({
			kind: 'expert',
			firstName: 'Etu',
			phone: '040 1',
			areas: ['mental_health:patient'],
			languages: ['fi'],
			municipalities: ['837'],
			ways: ['workshop'],
			meeting: ['remote'],
			...over
		});

	async function approvedExpert(key: string, over: Record<string, unknown> = {}) {
		const u = await user(key, ['resident']);
		await saveOwnProfile(t.db, u, profile({ firstName: key, ...over }));
		const p = (await ownProfile(t.db, u.id))!;
		expect((await approveProfile(t.db, users.coord, p.id)).ok).toBe(true);
		return { user: u, profileId: p.id };
	}

	const request = (over: Record<string, unknown> = {}) =>
		requestSchema().parse({
			unitId,
			project: 'Ajanvaraus',
			purpose: 'Kuulla asiakkaita',
			area: 'mental_health',
			format: 'workshop',
			date: DAY,
			startTime: '10:00',
			durationHours: 2,
			expertsNeeded: 1,
			language: 'fi',
			budget: '100',
			...over
		});

	const assignments = (requestId: number) =>
		t.db
			.selectFrom('expert_assignment')
			.select(['id', 'profile_id', 'status'])
			.where('request_id', '=', requestId)
			.orderBy('id')
			.execute();

	/** The token in the newest proposal mail to an address. */
	async function tokenMailedTo(email: string) {
		const m = await t.db
			.selectFrom('mail_outbox')
			.select('text_body')
			.where('to_address', '=', email)
			.where('category', '=', 'experts.mail.proposal')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		return /\/experts\/answer\/([a-z2-7]{32})/.exec(m.text_body)![1];
	}

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		unitId = (await addUnits(t.db)).a;
		await t.db
			.updateTable('unit')
			.set({ municipality_code: '837' })
			.where('id', '=', unitId)
			.execute();
		// The shared fee schedule's hourly rate: 25,00 €.
		await t.db
			.insertInto('fee_rate')
			.values({ kind: 'hourly', cents: 2500, valid_from: '2020-01-01' })
			.execute();
		await user('coord', ['expert_coordinator']);
		await user('staff', ['staff']);
		await user('other', ['staff']);
	});
	afterEach(() => t.close());

	it('a new profile and a change of areas wait for the coordinator; pausing does not', async () => {
		const u = await user('expert', ['resident']);
		expect((await saveOwnProfile(t.db, u, profile())).created).toBe(true);
		let p = (await ownProfile(t.db, u.id))!;
		expect(p.status).toBe('pending');
		expect(p.areas).toEqual([]);
		expect(p.pending_areas).toEqual(['mental_health:patient']);
		// Only the coordinator approves.
		expect(await approveProfile(t.db, users.staff, p.id)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect((await approveProfile(t.db, users.coord, p.id)).ok).toBe(true);
		p = (await ownProfile(t.db, u.id))!;
		expect([p.status, p.areas, p.pending_areas]).toEqual([
			'approved',
			['mental_health:patient'],
			null
		]);
		// Same areas, other details: nothing waits.
		expect((await saveOwnProfile(t.db, u, profile({ languages: ['fi', 'sv'] }))).areasPending).toBe(
			false
		);
		// New areas wait; the approved ones stay in force until then.
		await saveOwnProfile(t.db, u, profile({ areas: ['disability:close_one'] }));
		p = (await ownProfile(t.db, u.id))!;
		expect([p.areas, p.pending_areas]).toEqual([
			['mental_health:patient'],
			['disability:close_one']
		]);
		expect(await setPaused(t.db, u, true)).toBe(true);
		expect((await ownProfile(t.db, u.id))!.paused).toBe(true);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'experts.%')
			.execute();
		expect(audit.map((a) => a.action)).toContain('experts.profile.approve');
		expect(audit.map((a) => a.action)).toContain('experts.profile.pause');
	});

	it('refuses a date in the past, zero experts and no purpose at the field', () => {
		const bad = (over: Record<string, unknown>) => {
			const r = requestSchema().safeParse({ ...request(), durationHours: 2, ...over });
			return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
		};
		expect(bad({ date: addDays(helsinkiDay(new Date()), -1) })).toEqual([
			'date:experts.errors.past'
		]);
		expect(bad({ expertsNeeded: 0 })).toEqual(['expertsNeeded:experts.errors.expertsNeeded']);
		expect(bad({ purpose: '   ' })).toEqual(['purpose:validation.required']);
		expect(bad({})).toEqual([]);
	});

	it('decline proposes the next one; accept fills; staff see only first name, areas and meeting', async () => {
		const first = await approvedExpert('Aino');
		const second = await approvedExpert('Bertta', { municipalities: [] }); // ranks lower
		await approvedExpert('Paussi');
		await setPaused(t.db, users.Paussi, true);
		const r = await createRequest(t.db, users.staff, request());
		if (!r.ok) throw new Error(r.error);
		// Only a coordinator proposes.
		expect((await proposeExpert(t.db, users.staff, r.id, first.profileId, ORIGIN)).ok).toBe(false);
		const prop = await proposeExpert(t.db, users.coord, r.id, first.profileId, ORIGIN);
		expect(prop.ok).toBe(true);
		expect(await proposeExpert(t.db, users.coord, r.id, first.profileId, ORIGIN)).toEqual({
			ok: false,
			error: 'already_asked'
		});
		// The first declines through the link: the next available of the ranking is proposed.
		const token = await tokenMailedTo('Aino@example.fi');
		const d = await answerByToken(t.db, token, 'decline', ORIGIN);
		expect(d).toMatchObject({ ok: true, answer: 'decline' });
		let rows = await assignments(r.id);
		expect(rows.map((a) => [a.profile_id, a.status])).toEqual([
			[first.profileId, 'declined'],
			[second.profileId, 'proposed']
		]);
		// A used link does nothing more.
		expect(await answerByToken(t.db, token, 'accept', ORIGIN)).toEqual({
			ok: false,
			error: 'answered'
		});
		expect(await answerByToken(t.db, 'a'.repeat(32), 'accept', ORIGIN)).toEqual({
			ok: false,
			error: 'not_found'
		});
		// Another person cannot answer Bertta's proposal on their page.
		expect(await answerAsExpert(t.db, first.user, rows[1].id, 'accept', ORIGIN)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect((await answerAsExpert(t.db, second.user, rows[1].id, 'accept', ORIGIN)).ok).toBe(true);
		rows = await assignments(r.id);
		expect(rows[1].status).toBe('accepted');
		const req = await t.db
			.selectFrom('expert_request')
			.select('status')
			.where('id', '=', r.id)
			.executeTakeFirstOrThrow();
		expect(req.status).toBe('filled');
		// What staff see: first name, areas, ways to meet; no surname, e-mail or phone.
		const view = await staffRequestView(t.db, r.id);
		expect(view.experts).toHaveLength(1);
		const seen = JSON.stringify(view);
		expect(view.experts[0]).toMatchObject({
			firstName: 'Bertta',
			areas: ['mental_health:patient'],
			meeting: ['remote']
		});
		expect(seen).not.toContain('Sukunimi');
		expect(seen).not.toContain('@example.fi');
		expect(seen).not.toContain('040 1');
	});

	it('refuses double booking on overlapping times, not on adjacent ones', async () => {
		const e = await approvedExpert('Cecilia');
		const a = await createRequest(t.db, users.staff, request());
		const b = await createRequest(t.db, users.other, request({ startTime: '11:00' })); // 11–13 overlaps 10–12
		const c = await createRequest(t.db, users.other, request({ startTime: '12:00' })); // 12–14 touches
		if (!a.ok || !b.ok || !c.ok) throw new Error('requests');
		const pa = await proposeExpert(t.db, users.coord, a.id, e.profileId, ORIGIN);
		if (!pa.ok) throw new Error(pa.error);
		expect(await proposeExpert(t.db, users.coord, b.id, e.profileId, ORIGIN)).toEqual({
			ok: false,
			error: 'double_booked'
		});
		expect((await proposeExpert(t.db, users.coord, c.id, e.profileId, ORIGIN)).ok).toBe(true);
		expect((await answerAsExpert(t.db, e.user, pa.id, 'accept', ORIGIN)).ok).toBe(true);
	});

	it('closing records hours, fee and travel, feedback from both sides, the finding reaches the tracker, CSV totals match', async () => {
		const e1 = await approvedExpert('Daniel');
		const e2 = await approvedExpert('Eeva', { kind: 'developer_customer' });
		const r1 = await createRequest(t.db, users.staff, request({ expertsNeeded: 2 }));
		const r2 = await createRequest(t.db, users.staff, request({ date: addDays(DAY, 1) }));
		if (!r1.ok || !r2.ok) throw new Error('requests');
		const ids: number[] = [];
		for (const [req, ex] of [
			[r1.id, e1],
			[r1.id, e2],
			[r2.id, e1]
		] as const) {
			const p = await proposeExpert(t.db, users.coord, req, ex.profileId, ORIGIN);
			if (!p.ok) throw new Error(p.error);
			expect((await answerAsExpert(t.db, ex.user, p.id, 'accept', ORIGIN)).ok).toBe(true);
			ids.push(p.id);
		}
		// No hourly rate on the schedule for the day: refused, nothing recorded.
		await t.db.updateTable('fee_rate').set({ valid_from: '2099-01-01' }).execute();
		expect(
			await closeAssignment(t.db, users.coord, ids[0], closeSchema.parse({ hours: 2 }))
		).toEqual({
			ok: false,
			error: 'no_rate'
		});
		expect(await t.db.selectFrom('fee_record').select('id').execute()).toEqual([]);
		await t.db.updateTable('fee_rate').set({ valid_from: '2020-01-01' }).execute();
		// Only a coordinator closes; a proposal not accepted cannot be closed.
		expect(
			(await closeAssignment(t.db, users.staff, ids[0], closeSchema.parse({ hours: 2 }))).ok
		).toBe(false);
		const c1 = await closeAssignment(
			t.db,
			users.coord,
			ids[0],
			closeSchema.parse({
				hours: 2.5,
				travel: 10.2,
				finding: 'Takaisinsoitto puuttuu'
			})
		);
		expect(c1).toEqual({ ok: true, fee: 62.5 }); // 2.5 h × 25 € on the schedule
		expect(
			await closeAssignment(t.db, users.coord, ids[1], closeSchema.parse({ hours: 2 }))
		).toEqual({ ok: true, fee: 50 }); // 2 h × 25 €
		expect(
			await closeAssignment(
				t.db,
				users.coord,
				ids[2],
				closeSchema.parse({ hours: 1, fee: '40', travel: 0 })
			)
		).toEqual({ ok: true, fee: 40 });
		expect(
			await closeAssignment(t.db, users.coord, ids[2], closeSchema.parse({ hours: 1 }))
		).toEqual({ ok: false, error: 'not_accepted' });

		// Hours and travel are on the shared fee schedule, one row each, for the expert.
		const fees = await t.db
			.selectFrom('fee_record')
			.select(['source_id', 'kind', 'quantity', 'amount_cents', 'payee_user_id'])
			.where('source_type', '=', 'expert_assignment')
			.orderBy('id')
			.execute();
		expect(fees).toEqual([
			{
				source_id: String(ids[0]),
				kind: 'hourly',
				quantity: 2.5,
				amount_cents: 6250,
				payee_user_id: e1.user.id
			},
			{
				source_id: String(ids[0]),
				kind: 'travel_ticket',
				quantity: 1,
				amount_cents: 1020,
				payee_user_id: e1.user.id
			},
			{
				source_id: String(ids[1]),
				kind: 'hourly',
				quantity: 2,
				amount_cents: 5000,
				payee_user_id: e2.user.id
			},
			{
				source_id: String(ids[2]),
				kind: 'other',
				quantity: 1,
				amount_cents: 4000,
				payee_user_id: e1.user.id
			}
		]);
		// Feedback: the requester and the expert, each only their own.
		expect(
			(
				await giveFeedback(
					t.db,
					users.other,
					'staff',
					feedbackSchema.parse({ id: ids[0], feedback: 'x' })
				)
			).ok
		).toBe(false);
		expect(
			(
				await giveFeedback(
					t.db,
					e2.user,
					'expert',
					feedbackSchema.parse({ id: ids[0], feedback: 'x' })
				)
			).ok
		).toBe(false);
		expect(
			(
				await giveFeedback(
					t.db,
					users.staff,
					'staff',
					feedbackSchema.parse({ id: ids[0], feedback: 'Hyvä' })
				)
			).ok
		).toBe(true);
		expect(
			(
				await giveFeedback(
					t.db,
					e1.user,
					'expert',
					feedbackSchema.parse({ id: ids[0], feedback: 'Kiitos' })
				)
			).ok
		).toBe(true);
		const a0 = await t.db
			.selectFrom('expert_assignment')
			.selectAll()
			.where('id', '=', ids[0])
			.executeTakeFirstOrThrow();
		expect([a0.hours, a0.fee, a0.travel, a0.staff_feedback, a0.expert_feedback]).toEqual([
			2.5,
			62.5,
			10.2,
			'Hyvä',
			'Kiitos'
		]);
		expect(
			(
				await t.db
					.selectFrom('expert_request')
					.select('status')
					.where('id', '=', r1.id)
					.executeTakeFirstOrThrow()
			).status
		).toBe('done');

		// The finding reaches the tracker by its event, once even when redelivered.
		await deliverEventBatch(t.db, IMPACT_HANDLERS);
		await deliverEventBatch(t.db, IMPACT_HANDLERS);
		const f = await t.db
			.selectFrom('impact_finding as f')
			.innerJoin('impact_activity as a', 'a.id', 'f.activity_id')
			.select([
				'f.body',
				'f.source_type',
				'a.source_type as activity_source',
				'a.topic',
				'a.organiser_unit_id'
			])
			.execute();
		expect(f).toEqual([
			{
				body: 'Takaisinsoitto puuttuu',
				source_type: 'expert_finding',
				activity_source: 'expert_request',
				topic: 'Ajanvaraus',
				organiser_unit_id: unitId
			}
		]);
		// The expert of the closed assignment, by their account, is told when the finding moves.
		const told = await t.db
			.selectFrom('impact_contact as c')
			.innerJoin('impact_recipient as r', 'r.id', 'c.recipient_id')
			.select('r.user_id')
			.execute();
		expect(told.map((x) => x.user_id)).toContain(e1.user.id);

		// The totals against a hand count: Daniel 2.5 h + 1 h, 62.50 € + 40 €, travel 10.20 €; Eeva 2 h, 30 €.
		const csv = readCsv(await totalsCsv(t.db));
		if (!csv.ok) throw new Error('csv');
		const rows = csvObjects(csv).map((r) => r.values);
		const year = DAY.slice(0, 4);
		const by = (k: string, who: string) =>
			rows.find((r) => r.total_by === k && (r.expert === who || r.unit === who || k === 'year'));
		expect(by('expert', 'Daniel Sukunimi')).toMatchObject({
			year,
			assignments: '2',
			hours: '3.5',
			fee_eur: '102.5',
			travel_eur: '10.2'
		});
		expect(by('expert', 'Eeva Sukunimi')).toMatchObject({
			assignments: '1',
			hours: '2',
			fee_eur: '50',
			travel_eur: '0'
		});
		expect(by('unit', 'Yksikkö A')).toMatchObject({
			assignments: '3',
			hours: '5.5',
			fee_eur: '152.5'
		});
		expect(by('year', '')).toMatchObject({
			assignments: '3',
			hours: '5.5',
			fee_eur: '152.5',
			travel_eur: '10.2'
		});
	});
});
