/**
 * A decision's milestones, on PGlite and PostgreSQL: only coordinators and admins add them,
 * audited; a date in the future, before the decision or for a decision that does not exist is
 * refused and nothing is stored; the public activity page lists them for every finding linked to
 * the decision, oldest first. A milestone is corrected or removed under the same rules, audited,
 * and the open data exports them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { helsinkiDay } from '../../../src/lib/server/core/time';
import type { SessionUser, Role } from '../../../src/lib/server/core/auth/roles';
import {
	addMilestone,
	createDecision,
	decisionSchema,
	editMilestone,
	linkToDecision,
	milestoneEditSchema,
	milestoneSchema,
	openDataCsv,
	openDataJson,
	removeMilestone,
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

	it('corrects and removes milestones, audited, under the same rules; open data exports them', async () => {
		const coordinator = await user('coordinator', 'impact_coordinator');
		const staff = await user('staff', 'staff');
		const d = await createDecision(
			t.db,
			coordinator,
			decisionSchema.parse({ titleFi: 'Iltavastaanotot', decidedOn: '2026-10-15' })
		);
		if (!d.ok) throw new Error(d.error);
		const added = await addMilestone(
			t.db,
			coordinator,
			milestone(d.id, '2026-10-20', 'Kirjoitusvirhe')
		);
		if (!added.ok) throw new Error(added.error);
		const edit = (reachedOn: string, fi = 'Iltavastaanotto alkoi') =>
			milestoneEditSchema.parse({
				milestoneFi: fi,
				milestoneEn: 'Evening clinic opened',
				reachedOn
			});
		const stored = () =>
			t.db
				.selectFrom('impact_milestone')
				.select(['title_fi', 'title_en', sql<string>`to_char(reached_on, 'YYYY-MM-DD')`.as('on')])
				.execute();
		const before = await stored();

		// Refusals change nothing.
		expect(await editMilestone(t.db, staff, added.id, edit(TODAY))).toEqual({
			ok: false,
			error: 'forbidden'
		});
		expect(await editMilestone(t.db, coordinator, added.id, edit(TOMORROW))).toEqual({
			ok: false,
			error: 'future'
		});
		expect(await editMilestone(t.db, coordinator, added.id, edit('2026-10-01'))).toEqual({
			ok: false,
			error: 'before_decision'
		});
		expect(await editMilestone(t.db, coordinator, added.id + 99, edit(TODAY))).toEqual({
			ok: false,
			error: 'unknown_milestone'
		});
		expect(milestoneEditSchema.safeParse({ milestoneFi: ' ', reachedOn: TODAY }).success).toBe(
			false
		);
		expect(await removeMilestone(t.db, staff, added.id)).toEqual({ ok: false, error: 'forbidden' });
		expect(await stored()).toEqual(before);

		expect(await editMilestone(t.db, coordinator, added.id, edit('2026-10-16'))).toEqual({
			ok: true,
			decisionId: d.id
		});
		expect(await stored()).toEqual([
			{ title_fi: 'Iltavastaanotto alkoi', title_en: 'Evening clinic opened', on: '2026-10-16' }
		]);
		const csv = await openDataCsv(t.db, 'milestones');
		expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
			'id,decision_id,reached_on,title_fi,title_sv,title_en'
		);
		expect(csv).toContain(
			`${added.id},${d.id},2026-10-16,Iltavastaanotto alkoi,,Evening clinic opened`
		);
		const json = await openDataJson(t.db, 'http://portal.test');
		expect(json.milestones).toEqual([
			{
				id: added.id,
				decision_id: d.id,
				reached_on: '2026-10-16',
				title_fi: 'Iltavastaanotto alkoi',
				title_sv: '',
				title_en: 'Evening clinic opened'
			}
		]);

		expect(await removeMilestone(t.db, coordinator, added.id)).toEqual({ ok: true });
		expect(await removeMilestone(t.db, coordinator, added.id)).toEqual({
			ok: false,
			error: 'unknown_milestone'
		});
		expect(await stored()).toEqual([]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_user_id', 'entity_id', 'details'])
			.where('action', 'like', 'impact.decision.milestone_%')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => [a.action, a.actor_user_id, a.entity_id])).toEqual([
			['impact.decision.milestone_edited', coordinator.id, String(d.id)],
			['impact.decision.milestone_removed', coordinator.id, String(d.id)]
		]);
		expect(audit[0].details).toMatchObject({ from: '2026-10-20', reachedOn: '2026-10-16' });
	});
});
