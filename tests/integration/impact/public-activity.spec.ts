/**
 * The public activity page's figures, on PGlite and PostgreSQL: the organising unit's name and
 * the activity's own "felt heard" figure (answers 4–5 of the 1–5 question), its counts "< 5" and
 * no share under five answers, other activities' answers not counted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { addUnits } from '../feedback/fixtures';
import { activityHeard, publicActivity, upsertActivity } from '../../../src/lib/server/impact';

describe.each(BACKENDS)('public activity page figures on %s', (backend) => {
	let t: TestDb;
	let unitId: number;

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		unitId = (await addUnits(t.db)).a;
	});
	afterEach(() => t.close());

	const activity = (sourceId: string, organiserUnitId: number | null, organiser = '') =>
		t.db.transaction().execute((trx) =>
			upsertActivity(trx, {
				sourceType: 'workshop',
				sourceId,
				topic: `Työpaja ${sourceId}`,
				startsOn: '2026-10-01',
				organiserUnitId,
				organiser
			})
		);
	const answer = (activityId: number, scores: number[]) =>
		t.db
			.insertInto('impact_heard')
			.values(scores.map((score) => ({ activity_id: activityId, recipient_id: null, score })))
			.execute();

	it("names the organising unit, beside the organiser's own text", async () => {
		const unit = await t.db
			.selectFrom('unit')
			.select(['name_fi', 'name_sv'])
			.where('id', '=', unitId)
			.executeTakeFirstOrThrow();
		const id = await activity('w1', unitId, 'Asiakasraati');
		const p = await publicActivity(t.db, id);
		expect(p!.activity).toMatchObject({
			organiser: 'Asiakasraati',
			unit_fi: unit.name_fi,
			unit_sv: unit.name_sv
		});
		const none = await publicActivity(t.db, await activity('w2', null));
		expect(none!.activity.unit_fi).toBeNull();
	});

	it('shows the felt-heard share of the activity only, masked under five answers', async () => {
		const id = await activity('w1', unitId);
		const other = await activity('w2', unitId);
		expect(await activityHeard(t.db, id)).toEqual({ answers: '< 5', heard: '< 5', share: null });
		await answer(id, [5, 4, 2, 1]);
		await answer(other, [5, 5, 5, 5, 5, 5]);
		expect(await activityHeard(t.db, id)).toEqual({ answers: '< 5', heard: '< 5', share: null });
		await answer(id, [3, 4]);
		// Hand count: 6 answers (5, 4, 2, 1, 3, 4), of them 4 or 5: 3.
		expect(await activityHeard(t.db, id)).toEqual({ answers: 6, heard: 3, share: 0.5 });
		expect(await activityHeard(t.db, other)).toEqual({ answers: 6, heard: 6, share: 1 });
	});
});
