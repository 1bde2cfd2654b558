/**
 * A decision's milestones, on PGlite and PostgreSQL: only coordinators and admins add them,
 * audited; a date in the future, before the decision or for a decision that does not exist is
 * refused and nothing is stored; the public activity page lists them for every finding linked to
 * the decision, oldest first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { helsinkiDay } from '../../../src/lib/server/core/time';
import type { SessionUser, Role } from '../../../src/lib/server/core/auth/roles';
import {
	addMilestone,
	createDecision,
	decisionSchema,
	linkToDecision,
	milestoneSchema,
	publicActivity,
	upsertActivity,
	upsertFinding
} from '../../../src/lib/server/impact';

const TODAY = helsinkiDay(new Date());
const TOMORROW = helsinkiDay(new Date(Date.now() + 36 * 3600 * 1000));

describe.each(BACKENDS)('decision milestones on %s', (backend) => {
	let t: TestDb;

	async function user(key: string, role: Role): Promise<SessionUser> {
		const row = await t.db
			.insertInto('app_user')
			.values({ email: `${key}@example.fi`, display_name: key, locale: 'fi' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await t.db.insertInto('user_role').values({ user_id: row.id, role }).execute();
		return {
			id: row.id,
			email: `${key}@example.fi`,
			displayName: key,
			locale: 'fi',
			roles: [{ role, unitId: null, serviceLineId: null }]
		} as SessionUser;
	}

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
	});
	afterEach(() => t.close());

	const milestone = (decisionId: number, reachedOn: string, fi = 'Iltavastaanotto alkoi') =>
		milestoneSchema.parse({
			decisionId: String(decisionId),
			milestoneFi: fi,
			milestoneSv: fi === 'Iltavastaanotto alkoi' ? 'Kvällsmottagningen öppnade' : '',
			reachedOn
		});

	it('adds audited milestones that the public page shows on the timeline of linked findings', async () => {
		const coordinator = await user('coordinator', 'impact_coordinator');
		const staff = await user('staff', 'staff');
		const { activityId, findingIds } = await t.db.transaction().execute(async (trx) => {
			const activityId = await upsertActivity(trx, {
				sourceType: 'workshop',
				sourceId: 'w1',
				topic: 'Työpaja',
				startsOn: '2026-10-01'
			});
			const findingIds = [];
			for (const n of [1, 2])
				findingIds.push(
					await upsertFinding(trx, {
						activityId,
						sourceType: 'hand',
						sourceId: `f${n}`,
						kind: 'recommendation',
						body: `Havainto ${n}`,
						evidence: [],
						recordedOn: '2026-10-01'
					})
				);
			return { activityId, findingIds };
		});
		const d = await createDecision(
			t.db,
			coordinator,
			decisionSchema.parse({ titleFi: 'Iltavastaanotot', decidedOn: '2026-10-15' })
		);
		if (!d.ok) throw new Error(d.error);
		expect(await linkToDecision(t.db, coordinator, findingIds[0], d.id)).toBe(true);

		// Refusals store nothing.
		expect(await addMilestone(t.db, staff, milestone(d.id, TODAY))).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect(await addMilestone(t.db, coordinator, milestone(d.id, TOMORROW))).toEqual({
			ok: false,
			error: 'future'
		});
		expect(await addMilestone(t.db, coordinator, milestone(d.id, '2026-10-14'))).toEqual({
			ok: false,
			error: 'before_decision'
		});
		expect(await addMilestone(t.db, coordinator, milestone(d.id + 99, TODAY))).toEqual({
			ok: false,
			error: 'unknown_decision'
		});
		expect(milestoneSchema.safeParse({ decisionId: String(d.id), reachedOn: TODAY }).success).toBe(
			false
		);
		expect(await t.db.selectFrom('impact_milestone').selectAll().execute()).toEqual([]);

		const later = await addMilestone(t.db, coordinator, milestone(d.id, TODAY, 'Kaikki auki'));
		const first = await addMilestone(t.db, coordinator, milestone(d.id, '2026-10-15'));
		expect(later.ok && first.ok).toBe(true);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_user_id', 'entity_id'])
			.where('action', '=', 'impact.decision.milestone')
			.execute();
		expect(audit).toHaveLength(2);
		expect(audit[0]).toMatchObject({ actor_user_id: coordinator.id, entity_id: String(d.id) });

		const p = await publicActivity(t.db, activityId);
		expect(p!.findings.map((f) => f.decision_id)).toEqual([d.id, null]);
		expect(p!.milestones.map((m) => [m.decision_id, m.reached_on, m.title_fi, m.title_sv])).toEqual(
			[
				[d.id, '2026-10-15', 'Iltavastaanotto alkoi', 'Kvällsmottagningen öppnade'],
				[d.id, TODAY, 'Kaikki auki', '']
			]
		);
	});
});
