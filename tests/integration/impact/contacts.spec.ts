/**
 * The rest of issue 12 in the tracker, on PGlite and PostgreSQL: a hand-entered activity with its
 * findings (bad references store nothing); the people who fed a finding beyond signed-in
 * conversation participants — pool members who accepted an invitation to the activity, feedback
 * givers who asked for a reply — reach the tracker only by their modules' events and get one
 * notice per change; erasure in the pool or of an account takes their rows here too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { addUnits } from '../feedback/fixtures';
import { deliverEventBatch, publish } from '../../../src/lib/server/core/events';
import { helsinkiDay } from '../../../src/lib/server/core/time';
import type { SessionUser } from '../../../src/lib/server/core/auth/roles';
import { recordTheme, themeSchema } from '../../../src/lib/server/feedback';
import {
	answerByToken,
	createInvitation,
	eraseMember,
	listPopulation
} from '../../../src/lib/server/pool';
import {
	CONTACT_HANDLERS,
	IMPACT_HANDLERS,
	answerHeard,
	heardQuestion,
	metricView,
	participationMetric,
	reachAgainstPopulation,
	activitySchema,
	addActivityFindings,
	publicActivity,
	changeStatus,
	createActivity,
	statusSchema
} from '../../../src/lib/server/impact';
import { activeMember, lastLinkTo } from '../pool/helpers';

const ORIGIN = 'http://portal.test';
const TODAY = helsinkiDay(new Date());

describe.each(BACKENDS)('impact contacts on %s', (backend) => {
	let t: TestDb;
	let unitId: number;
	let otherUnit: number;
	let lineId: number;
	let coordinator: SessionUser;
	let handler: SessionUser;
	let staff: SessionUser;

	const deliver = () => deliverEventBatch(t.db, [...IMPACT_HANDLERS, ...CONTACT_HANDLERS]);
	const notices = () =>
		t.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'text_body'])
			.where('category', '=', 'impact.mail.notice')
			.orderBy('id')
			.execute();
	const move = (ids: number[], status = 'decided') =>
		changeStatus(
			t.db,
			coordinator,
			ids,
			statusSchema.parse({ status, effectiveOn: TODAY, explanationFi: 'Selitys' }),
			ORIGIN
		);

	async function account(key: string, roles: SessionUser['roles']): Promise<SessionUser> {
		const row = await t.db
			.insertInto('app_user')
			.values({ email: `${key}@example.fi`, display_name: key, locale: 'fi' })
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const r of roles)
			await t.db
				.insertInto('user_role')
				.values({
					user_id: row.id,
					role: r.role,
					unit_id: r.unitId,
					service_line_id: r.serviceLineId
				})
				.execute();
		return { id: row.id, email: `${key}@example.fi`, displayName: key, locale: 'fi', roles };
	}

	const workshop = (over: Record<string, unknown> = {}) =>
		activitySchema.parse({
			topic: 'Kotihoidon työpaja',
			serviceLines: [lineId],
			municipality: '837',
			organiserUnit: String(unitId),
			organiser: 'Eläkeläisyhdistys',
			startsOn: '2026-11-10',
			endsOn: '2026-11-10',
			invited: 20,
			tookPart: 14,
			byGroup: 'age_band:65-74 = 8\nage_band:75+ = 6\nlanguage:sv = 2',
			findings: 'Käyntiajat kerrotaan etukäteen\nOmahoitaja pysyy samana',
			...over
		});

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const units = await addUnits(t.db);
		unitId = units.a;
		otherUnit = units.b;
		lineId = (
			await t.db
				.selectFrom('unit')
				.select('service_line_id')
				.where('id', '=', unitId)
				.executeTakeFirstOrThrow()
		).service_line_id;
		coordinator = await account('coordinator', [
			{ role: 'impact_coordinator', unitId: null, serviceLineId: null }
		]);
		handler = await account('handler', [
			{ role: 'feedback_handler', unitId: null, serviceLineId: null }
		]);
		staff = await account('staff', [{ role: 'staff', unitId, serviceLineId: null }]);
	});
	afterEach(() => t.close());

	it('stores a hand-entered activity with its lines, groups and findings, audited; refuses bad references', async () => {
		const r = await createActivity(t.db, coordinator, workshop(), TODAY);
		expect(r).toMatchObject({ ok: true, findings: 2 });
		if (!r.ok) return;
		const a = await t.db
			.selectFrom('impact_activity')
			.selectAll()
			.where('id', '=', r.id)
			.executeTakeFirstOrThrow();
		expect(a).toMatchObject({
			source_type: 'workshop',
			source_id: String(r.id),
			municipality_code: '837',
			organiser_unit_id: unitId,
			organiser: 'Eläkeläisyhdistys',
			invited: 20,
			took_part: 14,
			by_group: { 'age_band:65-74': 8, 'age_band:75+': 6, 'language:sv': 2 }
		});
		const lines = await t.db.selectFrom('impact_activity_service_line').selectAll().execute();
		expect(lines).toEqual([{ activity_id: r.id, service_line_id: lineId }]);
		const findings = await t.db
			.selectFrom('impact_finding')
			.select(['body', 'status'])
			.where('activity_id', '=', r.id)
			.orderBy('id')
			.execute();
		expect(findings).toEqual([
			{ body: 'Käyntiajat kerrotaan etukäteen', status: 'received' },
			{ body: 'Omahoitaja pysyy samana', status: 'received' }
		]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'entity_id'])
			.where('action', 'like', 'impact.activity.%')
			.execute();
		expect(audit).toEqual([{ action: 'impact.activity.create', entity_id: String(r.id) }]);
		expect(await addActivityFindings(t.db, coordinator, r.id, 'Kolmas havainto', TODAY)).toBe(1);
		expect(await addActivityFindings(t.db, staff, r.id, 'Ei oikeutta', TODAY)).toBeNull();

		// Only coordinators; an unknown line, municipality or unit stores nothing.
		const before = await t.db.selectFrom('impact_activity').select('id').execute();
		expect(await createActivity(t.db, staff, workshop(), TODAY)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect(
			await createActivity(t.db, coordinator, workshop({ serviceLines: [999999] }), TODAY)
		).toEqual({
			ok: false,
			error: 'serviceLine'
		});
		expect(
			await createActivity(t.db, coordinator, workshop({ municipality: '999' }), TODAY)
		).toEqual({
			ok: false,
			error: 'municipality'
		});
		expect(
			await createActivity(t.db, coordinator, workshop({ organiserUnit: '999999' }), TODAY)
		).toEqual({ ok: false, error: 'organiserUnit' });
		expect(await t.db.selectFrom('impact_activity').select('id').execute()).toEqual(before);

		// The form's own rules.
		const bad = (over: Record<string, unknown>) =>
			activitySchema.safeParse({ ...workshop(), ...over }).error?.issues.map((i) => i.message);
		expect(bad({ tookPart: 30 })).toEqual(['impact.errors.moreThanInvited']);
		expect(bad({ endsOn: '2026-11-01' })).toEqual(['impact.errors.datesBackwards']);
		expect(bad({ byGroup: 'nuoret 5' })).toEqual(['impact.errors.byGroup']);
		expect(bad({ byGroup: 'age_band:15-29 = 15' })).toEqual(['impact.errors.groupsOverTotal']);
		void otherUnit;
	});

	it('tells pool members who accepted an invitation to the activity, also of later findings; not those who took it back', async () => {
		const r = await createActivity(t.db, coordinator, workshop({ findings: 'Ensimmäinen' }), TODAY);
		if (!r.ok) throw new Error('not stored');
		const yes = await activeMember(t.db, { email: 'kylla@example.fi', locale: 'sv' });
		await activeMember(t.db, { email: 'ei@example.fi' });
		await activeMember(t.db, { email: 'peruu@example.fi' });
		void yes;
		await createInvitation(t.db, coordinator.id, ORIGIN, {
			activityType: 'workshop',
			activityId: String(r.id),
			title: 'Työpaja',
			messages: { fi: 'Tervetuloa' },
			replyDeadline: new Date(Date.now() + 86400000),
			filters: {}
		});
		const token = (to: string) => lastLinkTo(t.db, to, '/pool/reply');
		expect(await answerByToken(t.db, await token('kylla@example.fi'), 'yes')).toBe('ok');
		expect(await answerByToken(t.db, await token('ei@example.fi'), 'no')).toBe('ok');
		const back = await token('peruu@example.fi');
		expect(await answerByToken(t.db, back, 'yes')).toBe('ok');
		expect(await answerByToken(t.db, back, 'no')).toBe('ok');
		// No address reaches impact's tables until the pool's events are delivered.
		expect(await t.db.selectFrom('impact_recipient').selectAll().execute()).toHaveLength(0);
		await deliver();
		// The events with addresses are emptied once delivered.
		const left = await t.db
			.selectFrom('event_outbox')
			.select('payload')
			.where('name', '=', 'pool.activity_contact')
			.execute();
		expect(left.length).toBe(3);
		expect(JSON.stringify(left)).not.toContain('@');

		const later = await addActivityFindings(t.db, coordinator, r.id, 'Toinen', TODAY);
		expect(later).toBe(1);
		const ids = (
			await t.db
				.selectFrom('impact_finding')
				.select('id')
				.where('activity_id', '=', r.id)
				.orderBy('id')
				.execute()
		).map((f) => f.id);
		expect(await move(ids)).toEqual({ ok: true, noticed: 1 });
		const mails = await notices();
		expect(mails.map((m) => m.to_address)).toEqual(['kylla@example.fi']);
		// In Swedish, both findings in one mail, with the public page.
		expect(mails[0].text_body).toContain('Ensimmäinen');
		expect(mails[0].text_body).toContain('Toinen');
		expect(mails[0].text_body).toContain(`${ORIGIN}/sanoitte-teimme/${r.id}#finding-`);
		expect(mails[0].text_body).toMatch(/Beslutat|beslut/i);
		// Redelivering the pool's events adds no one.
		await deliver();
		expect((await t.db.selectFrom('impact_source_contact').selectAll().execute()).length).toBe(1);
	});

	it('tells feedback givers of a theme who asked for a reply and left an address, no one else', async () => {
		const addCase = async (client: string, reply: boolean, email: string | null, unit = unitId) => {
			const c = await t.db
				.insertInto('feedback_case')
				.values({
					client_id: client,
					unit_id: unit,
					service_line_id: lineId,
					kind: 'complaint',
					body: 'Jonot ovat pitkiä',
					reply_requested: reply,
					status: 'received',
					locale: 'en'
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await t.db
				.insertInto('feedback_contact')
				.values({ case_id: c.id, name: null, email, phone: null })
				.execute();
			return c.id;
		};
		const asked = await addCase('c1', true, 'vastaus@example.fi');
		const silent = await addCase('c2', false, 'hiljaa@example.fi');
		const noAddress = await addCase('c3', true, null);
		const elsewhere = await addCase('c4', true, 'muu@example.fi', otherUnit);
		const theme = (cases: string) =>
			themeSchema.parse({
				unit: unitId,
				title: 'Puhelinjonot',
				from: '2026-01-01',
				to: '2026-03-31',
				mentions: 3,
				cases
			});
		// A case of another unit, or text without a case id, is refused and publishes nothing.
		expect(await recordTheme(t.db, handler, theme(elsewhere))).toEqual({
			ok: false,
			error: 'cases'
		});
		expect(themeSchema.safeParse({ ...theme(''), cases: 'ei tunnusta' }).success).toBe(false);
		expect(await t.db.selectFrom('event_outbox').selectAll().execute()).toHaveLength(0);
		const r = await recordTheme(
			t.db,
			handler,
			theme(`${ORIGIN}/staff/feedback/cases/${asked}\n${silent}, ${noAddress}`)
		);
		expect(r.ok).toBe(true);
		await deliver();
		const f = await t.db
			.selectFrom('impact_finding')
			.select('id')
			.where('source_type', '=', 'feedback_theme')
			.executeTakeFirstOrThrow();
		expect(await move([f.id])).toEqual({ ok: true, noticed: 1 });
		const mails = await notices();
		expect(mails.map((m) => m.to_address)).toEqual(['vastaus@example.fi']);
		expect(mails[0].text_body).toContain('Decided');
	});

	it('erases a pool member’s and an account’s rows here when they are erased at the source', async () => {
		const r = await createActivity(t.db, coordinator, workshop({ findings: 'Havainto' }), TODAY);
		if (!r.ok) throw new Error('not stored');
		const member = await activeMember(t.db, { email: 'poistuva@example.fi' });
		await createInvitation(t.db, coordinator.id, ORIGIN, {
			activityType: 'workshop',
			activityId: String(r.id),
			title: 'Työpaja',
			messages: { fi: 'Tervetuloa' },
			replyDeadline: new Date(Date.now() + 86400000),
			filters: {}
		});
		expect(
			await answerByToken(t.db, await lastLinkTo(t.db, 'poistuva@example.fi', '/pool/reply'), 'yes')
		).toBe('ok');
		await deliver();
		const f = await t.db
			.selectFrom('impact_finding')
			.select('id')
			.where('activity_id', '=', r.id)
			.executeTakeFirstOrThrow();
		expect(await move([f.id], 'under_consideration')).toEqual({ ok: true, noticed: 1 });
		expect(await t.db.selectFrom('impact_recipient').select('email').execute()).toEqual([
			{ email: 'poistuva@example.fi' }
		]);

		// The member erases themselves in the pool: the pool's event takes the row, its contacts
		// and the notice waiting in the outbox here.
		expect(await eraseMember(t.db, member, 'left')).toBe(true);
		await deliver();
		expect(await t.db.selectFrom('impact_recipient').selectAll().execute()).toHaveLength(0);
		expect(await t.db.selectFrom('impact_source_contact').selectAll().execute()).toHaveLength(0);
		expect(await t.db.selectFrom('impact_recipient_origin').selectAll().execute()).toHaveLength(0);
		expect(await notices()).toHaveLength(0);
		expect(await move([f.id], 'decided')).toEqual({ ok: true, noticed: 0 });

		// An answer after the member's erasure was published but before it was delivered: the
		// erasure forgot the id and address in it, so nothing comes back.
		const late = await activeMember(t.db, { email: 'myohassa@example.fi' });
		await createInvitation(t.db, coordinator.id, ORIGIN, {
			activityType: 'workshop',
			activityId: String(r.id),
			title: 'Työpaja 2',
			messages: { fi: 'Tervetuloa' },
			replyDeadline: new Date(Date.now() + 86400000),
			memberIds: [late]
		});
		expect(
			await answerByToken(t.db, await lastLinkTo(t.db, 'myohassa@example.fi', '/pool/reply'), 'yes')
		).toBe('ok');
		expect(await eraseMember(t.db, late, 'left')).toBe(true);
		await deliver();
		expect(await t.db.selectFrom('impact_recipient').selectAll().execute()).toHaveLength(0);

		// An account erased (core's user.erased): its recipient row goes.
		await t.db.insertInto('impact_recipient').values({ user_id: staff.id, locale: 'fi' }).execute();
		await t.db.transaction().execute((trx) => publish(trx, 'user.erased', { userId: staff.id }));
		await deliver();
		expect(await t.db.selectFrom('impact_recipient').selectAll().execute()).toHaveLength(0);
	});

	it('counts pool members who accepted by their groups as they were then, not as they are now', async () => {
		// A workshop with no figures of its own: who took part is the pool members who said yes.
		const r = await createActivity(
			t.db,
			coordinator,
			workshop({ invited: undefined, tookPart: undefined, byGroup: '', findings: '' }),
			TODAY
		);
		if (!r.ok) throw new Error('activity');
		const year = Number(TODAY.slice(0, 4));
		const ids: string[] = [];
		for (let i = 0; i < 5; i++)
			ids.push(
				await activeMember(t.db, {
					email: `tre${i}@example.fi`,
					municipality: '837',
					birthYear: year - 40,
					gender: 'female',
					motherTongue: 'fi'
				})
			);
		const vlk = await activeMember(t.db, {
			email: 'vlk@example.fi',
			municipality: '908',
			birthYear: year - 80,
			motherTongue: 'sv'
		});
		const undecided = await activeMember(t.db, { email: 'ehka@example.fi', municipality: '211' });
		void undecided;
		await createInvitation(t.db, coordinator.id, ORIGIN, {
			activityType: 'workshop',
			activityId: String(r.id),
			title: 'Työpaja',
			messages: { fi: 'Tervetuloa' },
			replyDeadline: new Date(Date.now() + 86400000),
			filters: {}
		});
		const token = (to: string) => lastLinkTo(t.db, to, '/pool/reply');
		for (let i = 0; i < 5; i++)
			expect(await answerByToken(t.db, await token(`tre${i}@example.fi`), 'yes')).toBe('ok');
		expect(await answerByToken(t.db, await token('vlk@example.fi'), 'yes')).toBe('ok');
		// A yes taken back is no participant.
		const back = await token('ehka@example.fi');
		expect(await answerByToken(t.db, back, 'yes')).toBe('ok');
		expect(await answerByToken(t.db, back, 'maybe')).toBe('ok');
		await deliver();

		// Later, one member moves to Kangasala and another is erased: the figures stay as they were.
		const moved = await t.db
			.selectFrom('pool_member')
			.selectAll()
			.where('id', '=', ids[0])
			.executeTakeFirstOrThrow();
		await t.db
			.updateTable('pool_member')
			.set({ municipality_code: '211', birth_year: moved.birth_year - 30 })
			.where('id', '=', ids[0])
			.execute();
		expect(await eraseMember(t.db, vlk, 'left')).toBe(true);
		await deliver();
		// A redelivered answer is the same answer: counted once.
		const answered = await t.db
			.selectFrom('event_outbox')
			.select(['id', 'payload', 'created_at'])
			.where('name', '=', 'pool.invitation_answered')
			.orderBy('id')
			.execute();
		const participant = CONTACT_HANDLERS.find((h) => h.id === 'impact.pool-participant')!;
		await t.db.transaction().execute((trx) =>
			participant.handle(
				trx,
				answered[1].payload as never,
				{
					eventId: answered[1].id,
					name: 'pool.invitation_answered',
					publishedAt: new Date(),
					attempt: 2
				} as never
			)
		);

		const m = await participationMetric(t.db, { year });
		const groups = Object.fromEntries(m.reach.map((g) => [g.group, g.participants]));
		expect(groups).toEqual({
			'municipality:837': 5,
			'municipality:908': 1,
			'age_band:30-44': 5,
			'age_band:75+': 1,
			'gender:female': 5,
			'language:fi': 5,
			'language:sv': 1
		});
		expect(m.participants).toBe(6);
		const page = await publicActivity(t.db, r.id);
		expect(page!.activity.took_part).toBe(6);
		expect(page!.activity.by_group).toEqual(groups);
		// The erased member is no longer linked to the count.
		expect(
			await t.db
				.selectFrom('impact_participant')
				.select('member_id')
				.where('member_id', '=', vlk)
				.execute()
		).toEqual([]);
		expect(await t.db.selectFrom('impact_participant').selectAll().execute()).toHaveLength(6);
	});

	it('sets reach against the pool’s population shares, small groups masked, as a hand count', async () => {
		// Two workshops of 2026: 14 + 10 took part; age bands known for all 24, language for 12.
		await createActivity(t.db, coordinator, workshop(), TODAY); // 65-74: 8, 75+: 6, sv: 2
		await createActivity(
			t.db,
			coordinator,
			workshop({
				tookPart: 10,
				byGroup: 'age_band:15-29 = 7\nage_band:75+ = 3\nlanguage:fi = 10',
				findings: ''
			}),
			TODAY
		);
		await t.db
			.insertInto('pool_population')
			.values(
				[
					['age_band', '15-29', 300],
					['age_band', '65-74', 200],
					['age_band', '75+', 500],
					['language', 'fi', 900],
					['language', 'sv', 100]
				].map(([dimension, value, population]) => ({
					dimension: dimension as string,
					value: value as string,
					population: population as number,
					source: 'Tilastokeskus',
					year: 2025
				}))
			)
			.execute();
		const m = await participationMetric(t.db, { year: 2026 });
		const tables = reachAgainstPopulation(m.reach, await listPopulation(t.db));
		const age = tables.find((d) => d.dimension === 'age_band')!;
		// 15-29: 7/24 = 29.2 % vs 30 % → −0.8 pp; 65-74: 8/24 = 33.3 % vs 20 % → +13.3 pp;
		// 75+: 9/24 = 37.5 % vs 50 % → −12.5 pp.
		expect(age.known).toBe(24);
		expect(age.rows.map((r) => [r.value, r.participants, r.gap])).toEqual([
			['15-29', 7, -0.8],
			['65-74', 8, 13.3],
			['75+', 9, -12.5]
		]);
		expect(age.rows[0].participantShare).toBeCloseTo(7 / 24);
		expect(age.rows[0].populationShare).toBeCloseTo(0.3);
		expect(age.sources).toEqual([{ source: 'Tilastokeskus', year: 2025, illustrative: false }]);
		// Language: sv 2 people → "< 5" and no share; fi 10 of 12 known.
		const lang = tables.find((d) => d.dimension === 'language')!;
		expect(lang.rows).toEqual([
			{ value: 'fi', participants: 10, participantShare: 10 / 12, populationShare: 0.9, gap: -6.7 },
			{ value: 'sv', participants: '< 5', participantShare: null, populationShare: 0.1, gap: null }
		]);
		// A dimension known for fewer than five shows no shares at all.
		const few = reachAgainstPopulation([{ group: 'gender:female', participants: 3 }], []);
		expect(few).toEqual([
			{
				dimension: 'gender',
				known: '< 5',
				rows: [
					{
						value: 'female',
						participants: '< 5',
						participantShare: null,
						populationShare: null,
						gap: null
					}
				],
				sources: []
			}
		]);
	});

	it('asks those told of a move whether they felt heard (1–5), once per activity, and counts it', async () => {
		const r = await createActivity(t.db, coordinator, workshop({ findings: 'Yksi\nKaksi' }), TODAY);
		if (!r.ok) throw new Error('not stored');
		const scores = [5, 4, 4, 3, 2, 1];
		for (let i = 0; i < scores.length; i++) await activeMember(t.db, { email: `h${i}@example.fi` });
		await createInvitation(t.db, coordinator.id, ORIGIN, {
			activityType: 'workshop',
			activityId: String(r.id),
			title: 'Työpaja',
			messages: { fi: 'Tervetuloa' },
			replyDeadline: new Date(Date.now() + 86400000),
			filters: {}
		});
		for (let i = 0; i < scores.length; i++)
			await answerByToken(t.db, await lastLinkTo(t.db, `h${i}@example.fi`, '/pool/reply'), 'yes');
		await deliver();
		const ids = (
			await t.db.selectFrom('impact_finding').select('id').where('activity_id', '=', r.id).execute()
		).map((f) => f.id);
		expect(await move(ids)).toEqual({ ok: true, noticed: 6 });
		const links = (await notices()).map((n) => {
			const m = new RegExp(`${ORIGIN}/sanoitte-teimme/heard/([0-9a-f-]{36})/(\\d+)`, 'g');
			const all = [...n.text_body.matchAll(m)];
			expect(all).toHaveLength(1); // two findings of one activity: one question
			return { token: all[0][1], activity: Number(all[0][2]) };
		});
		expect(links.every((l) => l.activity === r.id)).toBe(true);

		// Only 4 answers so far: the public figure shows no share.
		for (let i = 0; i < 4; i++)
			expect(await answerHeard(t.db, links[i].token, r.id, scores[i])).toBe(true);
		let view = metricView(await participationMetric(t.db), 'fi', '-');
		expect(view.heard).toEqual({ answers: '< 5', heard: '< 5', share: null, byScore: null });
		for (let i = 4; i < 6; i++)
			expect(await answerHeard(t.db, links[i].token, r.id, scores[i])).toBe(true);
		// A second answer replaces the first; a score outside 1–5, a foreign token or an activity
		// the person did not feed is refused.
		expect(await answerHeard(t.db, links[5].token, r.id, 2)).toBe(true);
		expect(await answerHeard(t.db, links[5].token, r.id, 1)).toBe(true);
		expect(await answerHeard(t.db, links[0].token, r.id, 6)).toBe(false);
		expect(await answerHeard(t.db, '00000000-0000-4000-8000-000000000000', r.id, 3)).toBe(false);
		const other = await createActivity(t.db, coordinator, workshop({ findings: 'Muu' }), TODAY);
		if (!other.ok) throw new Error('not stored');
		expect(await answerHeard(t.db, links[0].token, other.id, 3)).toBe(false);
		expect(await heardQuestion(t.db, links[0].token, other.id)).toBeNull();
		expect(await heardQuestion(t.db, links[0].token, r.id)).toEqual({
			topic: 'Kotihoidon työpaja',
			score: 5
		});
		// Hand count: 5, 4, 4, 3, 2, 1 → 3 of 6 answered 4 or 5 = 50 %.
		const m = await participationMetric(t.db);
		expect(m.heard).toEqual({
			answers: 6,
			heard: 3,
			share: 0.5,
			byScore: { 1: 1, 2: 1, 3: 1, 4: 2, 5: 1 }
		});
		view = metricView(m, 'fi', '-');
		expect(view.heard.share).toBe(0.5);

		// An erased member's answer stays in the figure, without them.
		const member = await t.db
			.selectFrom('pool_member')
			.select('id')
			.where('email', '=', 'h0@example.fi')
			.executeTakeFirstOrThrow();
		await eraseMember(t.db, member.id, 'left');
		await deliver();
		expect((await participationMetric(t.db)).heard.answers).toBe(6);
		expect(
			await t.db.selectFrom('impact_heard').select('recipient_id').where('score', '=', 5).execute()
		).toEqual([{ recipient_id: null }]);
	});
});
