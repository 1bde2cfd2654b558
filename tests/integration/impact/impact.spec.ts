/**
 * The impact tracker's rules and its feeding by events, on PGlite and PostgreSQL: findings come
 * from a conversation and a feedback theme only through their events (delivered by core's
 * delivery loop, redelivered without a second row); only owners, coordinators and admins move a
 * status, with audit; "not taken forward" needs a reason; dates never run backwards; the people
 * who fed a finding get one mail per change in their language, none after opting out; owners are
 * mailed on assignment and reminded; the metric equals a hand count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { addUnits } from '../feedback/fixtures';
import { deliverEventBatch } from '../../../src/lib/server/core/events';
import { helsinkiDay } from '../../../src/lib/server/core/time';
import type { SessionUser, Role } from '../../../src/lib/server/core/auth/roles';
import {
	addFinding,
	createConversation,
	createConversationSchema,
	ensureParticipant,
	listStatements,
	removeFinding,
	voteAs
} from '../../../src/lib/server/conversations';
import { recordTheme, themeSchema } from '../../../src/lib/server/feedback';
import {
	IMPACT_HANDLERS,
	assignOwner,
	changeStatus,
	createDecision,
	decisionSchema,
	linkToDecision,
	optOut,
	participationMetric,
	rollUpProgress,
	sendReminders,
	statusSchema,
	upsertActivity,
	upsertFinding
} from '../../../src/lib/server/impact';
import * as migration from '../../../migrations/2026-12-02T1300_impact';
import * as contactsMigration from '../../../migrations/2026-12-03T1500_impact_contacts';
import * as milestonesMigration from '../../../migrations/2026-12-04T0900_impact_milestones';

const ORIGIN = 'http://portal.test';
// Finnish calendar days, as the service reads them (UTC is a day behind after 22:00 in winter).
const TODAY = helsinkiDay(new Date());

describe.each(BACKENDS)('impact tracker on %s', (backend) => {
	let t: TestDb;
	let unitId: number;
	let lineId: number;
	let otherUnit: number;
	const users: Record<string, SessionUser> = {};

	async function user(
		key: string,
		roles: { role: Role; unitId?: number | null; serviceLineId?: number | null }[],
		locale = 'fi'
	) {
		const row = await t.db
			.insertInto('app_user')
			.values({ email: `${key}@example.fi`, display_name: key, locale })
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const r of roles)
			await t.db
				.insertInto('user_role')
				.values({
					user_id: row.id,
					role: r.role,
					unit_id: r.unitId ?? null,
					service_line_id: r.serviceLineId ?? null
				})
				.execute();
		users[key] = {
			id: row.id,
			email: `${key}@example.fi`,
			displayName: key,
			locale,
			roles: roles.map((r) => ({
				role: r.role,
				unitId: r.unitId ?? null,
				serviceLineId: r.serviceLineId ?? null
			}))
		};
		return users[key];
	}

	const deliver = () => deliverEventBatch(t.db, IMPACT_HANDLERS);
	const status = (over: Record<string, string>) =>
		statusSchema.parse({ status: 'under_consideration', effectiveOn: TODAY, ...over });
	const mails = (category: string) =>
		t.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'subject', 'text_body'])
			.where('category', '=', category)
			.orderBy('id')
			.execute();

	/** A conversation with two statements, voted on by two signed-in people and one anonymous. */
	async function conversationWithVoters() {
		const conv = await createConversation(
			t.db,
			users.moderator.id,
			createConversationSchema.parse({
				topic: 'Ajanvaraus',
				seeds: 'Takaisinsoitto auttaisi\nVerkkolomake on vaikea'
			})
		);
		for (const who of [
			{ kind: 'user' as const, userId: users.resident.id },
			{ kind: 'user' as const, userId: users.swede.id },
			{ kind: 'anon' as const, key: 'a'.repeat(24) }
		]) {
			await ensureParticipant(t.db, conv, who);
			await voteAs(t.db, conv, who, [
				{ tid: 0, vote: 1, clientId: `c-${Math.random().toString(36).slice(2)}` }
			]);
		}
		const statements = await listStatements(t.db, conv);
		return { conv, statements };
	}

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
		await user('coordinator', [{ role: 'impact_coordinator' }]);
		await user('owner', [{ role: 'staff', unitId }]);
		await user('other', [{ role: 'staff', unitId: units.b }]);
		await user('moderator', [{ role: 'conversation_moderator' }]);
		await user('handler', [{ role: 'feedback_handler' }]);
		await user('resident', [{ role: 'resident' }]);
		await user('swede', [{ role: 'resident' }], 'sv');
	});
	afterEach(() => t.close());

	it('takes a conversation finding from its event, once, with its signed-in participants', async () => {
		const { conv, statements } = await conversationWithVoters();
		expect(
			await addFinding(t.db, users.moderator.id, conv, statements[0].id, 'Selvä enemmistö')
		).toBe(true);
		// Nothing in impact's tables until the event is delivered: the publisher writes none.
		expect(await t.db.selectFrom('impact_finding').selectAll().execute()).toHaveLength(0);
		expect((await deliver()).delivered).toBe(1);
		const f = await t.db.selectFrom('impact_finding').selectAll().executeTakeFirstOrThrow();
		expect(f).toMatchObject({
			kind: 'statement',
			body: 'Takaisinsoitto auttaisi',
			status: 'received',
			source_type: 'conversation_finding'
		});
		const a = await t.db.selectFrom('impact_activity').selectAll().executeTakeFirstOrThrow();
		expect(a).toMatchObject({ source_type: 'conversation', source_id: conv, took_part: 3 });
		const contacts = await t.db.selectFrom('impact_contact').selectAll().execute();
		expect(contacts).toHaveLength(2); // the two signed-in voters, not the anonymous one

		// Redelivery of the same event (a crash before it was marked delivered): same rows.
		await t.db.deleteFrom('event_handled').execute();
		await t.db
			.updateTable('event_outbox')
			.set({ delivered_at: null, next_attempt_at: sql`now()` })
			.execute();
		expect((await deliver()).delivered).toBe(1);
		expect(await t.db.selectFrom('impact_finding').selectAll().execute()).toHaveLength(1);
		expect(await t.db.selectFrom('impact_activity').selectAll().execute()).toHaveLength(1);
		expect(await t.db.selectFrom('impact_response').selectAll().execute()).toHaveLength(1);
		expect(await t.db.selectFrom('impact_contact').selectAll().execute()).toHaveLength(2);

		// The moderator removes it: withdrawn from the tracker, by the removal event.
		await removeFinding(t.db, users.moderator.id, conv, Number(f.source_id));
		await deliver();
		const gone = await t.db
			.selectFrom('impact_finding')
			.select('withdrawn_at')
			.executeTakeFirstOrThrow();
		expect(gone.withdrawn_at).not.toBeNull();
	});

	it('takes a feedback theme with its counts as evidence and the survey period as the activity', async () => {
		const r = await recordTheme(
			t.db,
			users.handler,
			themeSchema.parse({
				unit: unitId,
				title: 'Puhelinjonot ovat pitkiä',
				from: '2026-01-01',
				to: '2026-03-31',
				mentions: 12
			})
		);
		expect(r.ok).toBe(true);
		await deliver();
		const f = await t.db.selectFrom('impact_finding').selectAll().executeTakeFirstOrThrow();
		expect(f.kind).toBe('feedback_theme');
		expect(f.evidence[0]).toMatchObject({ label: 'Puhelinjonot ovat pitkiä', count: 12 });
		const lines = await t.db.selectFrom('impact_activity_service_line').selectAll().execute();
		expect(lines.map((l) => l.service_line_id)).toEqual([lineId]);
		// A handler outside the unit's scope cannot record one.
		const outsider = await user('outsider', [{ role: 'feedback_handler', unitId: otherUnit }]);
		const refused = await recordTheme(
			t.db,
			outsider,
			themeSchema.parse({
				unit: unitId,
				title: 'X',
				from: '2026-01-01',
				to: '2026-01-02',
				mentions: 1
			})
		);
		expect(refused).toEqual({ ok: false, error: 'unit' });
	});

	async function handFinding(recordedOn = '2026-01-10', sourceId = 'f1') {
		return t.db.transaction().execute(async (trx) => {
			const activityId = await upsertActivity(trx, {
				sourceType: 'workshop',
				sourceId: 'w1',
				topic: 'Työpaja',
				startsOn: '2026-01-10',
				tookPart: 8,
				serviceLineIds: [lineId]
			});
			return upsertFinding(trx, {
				activityId,
				sourceType: 'test',
				sourceId,
				kind: 'recommendation',
				body: `Suositus ${sourceId}`,
				recordedOn,
				evidence: []
			});
		});
	}

	it('lets only the owner, coordinators and admins change a status, and audits each change', async () => {
		const id = await handFinding();
		expect(await changeStatus(t.db, users.owner, [id], status({}), ORIGIN)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect((await assignOwner(t.db, users.owner, id, { unitId, userId: null }, ORIGIN)).ok).toBe(
			false
		);
		expect(
			(await assignOwner(t.db, users.coordinator, id, { unitId, userId: null }, ORIGIN)).ok
		).toBe(true);
		// The unit's staff are mailed on assignment.
		expect((await mails('impact.mail.assigned')).map((m) => m.to_address)).toEqual([
			'owner@example.fi'
		]);
		expect(await changeStatus(t.db, users.other, [id], status({}), ORIGIN)).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect((await changeStatus(t.db, users.owner, [id], status({}), ORIGIN)).ok).toBe(true);
		expect(
			(await changeStatus(t.db, users.coordinator, [id], status({ status: 'decided' }), ORIGIN)).ok
		).toBe(true);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_user_id'])
			.where('entity_type', '=', 'impact_finding')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'impact.finding.assign',
			'impact.finding.status',
			'impact.finding.status'
		]);
		expect(audit[1].actor_user_id).toBe(users.owner.id);
	});

	it('needs a reason for "not taken forward" and refuses dates that run backwards', async () => {
		const id = await handFinding('2026-02-01');
		const noReason = statusSchema.safeParse({ status: 'not_taken_forward', effectiveOn: TODAY });
		expect(noReason.success).toBe(false);
		expect(noReason.error!.issues[0]).toMatchObject({
			path: ['explanationFi'],
			message: 'impact.errors.reasonRequired'
		});
		// The database refuses it too, whatever the caller.
		await expect(
			t.db
				.insertInto('impact_response')
				.values({ finding_id: id, status: 'not_taken_forward', effective_on: TODAY })
				.execute()
		).rejects.toThrow();
		const c = users.coordinator;
		expect(
			await changeStatus(t.db, c, [id], status({ effectiveOn: '2026-01-31' }), ORIGIN)
		).toEqual({ ok: false, error: 'before_finding' });
		expect(
			(await changeStatus(t.db, c, [id], status({ effectiveOn: '2026-03-01' }), ORIGIN)).ok
		).toBe(true);
		expect(
			await changeStatus(
				t.db,
				c,
				[id],
				status({ status: 'decided', effectiveOn: '2026-02-15' }),
				ORIGIN
			)
		).toEqual({ ok: false, error: 'before_previous' });
		expect(
			await changeStatus(t.db, c, [id], status({ effectiveOn: '2999-01-01' }), ORIGIN, TODAY)
		).toEqual({ ok: false, error: 'future' });
	});

	it('tells each participant once per change, in their language, several findings in one mail; opted-out people get none', async () => {
		const { conv, statements } = await conversationWithVoters();
		await addFinding(t.db, users.moderator.id, conv, statements[0].id, '');
		await addFinding(t.db, users.moderator.id, conv, statements[1].id, '');
		await deliver();
		const ids = (await t.db.selectFrom('impact_finding').select('id').orderBy('id').execute()).map(
			(r) => r.id
		);
		const d = await createDecision(
			t.db,
			users.coordinator,
			decisionSchema.parse({ titleFi: 'Takaisinsoitto' })
		);
		if (!d.ok) throw new Error('decision');
		for (const id of ids) await linkToDecision(t.db, users.coordinator, id, d.id);

		const r = await changeStatus(
			t.db,
			users.coordinator,
			ids,
			status({ status: 'decided', explanationFi: 'Päätetty.', explanationSv: 'Beslutat.' }),
			ORIGIN
		);
		expect(r).toEqual({ ok: true, noticed: 2 });
		const sent = await mails('impact.mail.notice');
		expect(sent.map((m) => m.to_address).sort()).toEqual([
			'resident@example.fi',
			'swede@example.fi'
		]);
		const sv = sent.find((m) => m.to_address === 'swede@example.fi')!;
		expect(sv.subject).toBe('Du deltog – så här har det gått');
		expect(sv.text_body).toContain('Takaisinsoitto auttaisi');
		expect(sv.text_body).toContain('Verkkolomake on vaikea');
		expect(sv.text_body).toContain(`${ORIGIN}/sanoitte-teimme/`);
		const fi = sent.find((m) => m.to_address === 'resident@example.fi')!;
		expect(fi.text_body).toContain('Päätetty');

		// The resident opts out with the link in the mail; the next change mails only the other.
		const token = /sanoitte-teimme\/notices\/([0-9a-f-]{36})/.exec(fi.text_body)![1];
		expect(await optOut(t.db, token)).toBe(true);
		expect(await optOut(t.db, '00000000-0000-0000-0000-000000000000')).toBe(false);
		await changeStatus(
			t.db,
			users.coordinator,
			[ids[0]],
			status({ status: 'implemented' }),
			ORIGIN
		);
		const after = await mails('impact.mail.notice');
		expect(after.slice(2).map((m) => m.to_address)).toEqual(['swede@example.fi']);
		expect(await t.db.selectFrom('impact_notice').selectAll().execute()).toHaveLength(5);
	});

	it('reminds owners weekly while a finding waits past the limit', async () => {
		const id = await handFinding();
		await assignOwner(
			t.db,
			users.coordinator,
			id,
			{ unitId: null, userId: users.owner.id },
			ORIGIN
		);
		expect(await sendReminders(t.db, ORIGIN, 30)).toBe(0);
		await t.db
			.updateTable('impact_finding')
			.set({ status_changed_at: new Date(Date.now() - 31 * 86400_000) })
			.execute();
		expect(await sendReminders(t.db, ORIGIN, 30)).toBe(1);
		expect(await sendReminders(t.db, ORIGIN, 30)).toBe(0); // not again within the week
		expect(await sendReminders(t.db, ORIGIN, 30, new Date(Date.now() + 8 * 86400_000))).toBe(1);
		const m = await mails('impact.mail.reminder');
		expect(m[0]).toMatchObject({ to_address: 'owner@example.fi' });
		expect(m[0].text_body).toContain('30');
	});

	it('rolls decision progress up to the parent like Decidim results', () => {
		const rolled = rollUpProgress([
			{ id: 1, parent_id: null, progress: 0 },
			{ id: 2, parent_id: 1, progress: 100 },
			{ id: 3, parent_id: 1, progress: 40 },
			{ id: 4, parent_id: 3, progress: 20 },
			{ id: 5, parent_id: 3, progress: 60 }
		]);
		expect(rolled.get(3)).toBe(40);
		expect(rolled.get(1)).toBe(70);
	});

	it('computes the metric on a seeded set equal to a hand count', async () => {
		// Four findings: recorded 01-10; A decided on 01-20 and implemented 03-01 (first response
		// after 10 days, outcome after 50), B under consideration 01-14 (4 days), C not taken
		// forward 01-30 (20 days, outcome 20), D received only.
		const [a, b, c, d] = [
			await handFinding('2026-01-10', 'a'),
			await handFinding('2026-01-10', 'b'),
			await handFinding('2026-01-10', 'c'),
			await handFinding('2026-01-10', 'd')
		];
		const co = users.coordinator;
		await changeStatus(
			t.db,
			co,
			[a],
			status({ status: 'decided', effectiveOn: '2026-01-20' }),
			ORIGIN
		);
		await changeStatus(
			t.db,
			co,
			[a],
			status({ status: 'implemented', effectiveOn: '2026-03-01' }),
			ORIGIN
		);
		await changeStatus(t.db, co, [b], status({ effectiveOn: '2026-01-14' }), ORIGIN);
		await changeStatus(
			t.db,
			co,
			[c],
			status({
				status: 'not_taken_forward',
				effectiveOn: '2026-01-30',
				explanationFi: 'Ei rahaa.'
			}),
			ORIGIN
		);
		void d;
		const m = await participationMetric(t.db);
		expect(m.findings).toBe(4);
		expect(m.changed).toBe(1); // only A: implemented
		expect(m.changedShare).toBe(0.25);
		expect(m.respondedFindings).toBe(3);
		expect(m.medianDaysToFirstResponse).toBe(10); // 4, 10, 20
		expect(m.outcomeFindings).toBe(2);
		expect(m.medianDaysToOutcome).toBe(35); // (20 + 50) / 2
		expect(m.activities).toBe(1);
		expect(m.participants).toBe(8);
		expect(m.perLineQuarter).toMatchObject([
			{ serviceLineId: lineId, quarter: '2026-Q1', activities: 1, participants: 8 }
		]);
	});

	it('carries existing conversation findings into impact findings in the migration', async () => {
		const { conv, statements } = await conversationWithVoters();
		// A finding stored before the tracker existed: no event was ever published for it.
		await t.db
			.insertInto('conversation_finding')
			.values({ conversation_id: conv, statement_id: statements[1].id, note: 'vanha' })
			.execute();
		// The later migrations' tables refer to the tracker's: down in reverse order, up again.
		await milestonesMigration.down(t.db);
		await contactsMigration.down(t.db);
		await migration.down(t.db);
		await migration.up(t.db);
		await contactsMigration.up(t.db);
		await milestonesMigration.up(t.db);
		const f = await t.db.selectFrom('impact_finding').selectAll().executeTakeFirstOrThrow();
		expect(f).toMatchObject({ body: 'Verkkolomake on vaikea', note: 'vanha', status: 'received' });
		expect(await t.db.selectFrom('impact_contact').selectAll().execute()).toHaveLength(2);
		expect(await t.db.selectFrom('impact_response').selectAll().execute()).toHaveLength(1);
	});
});
