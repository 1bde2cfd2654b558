import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	addQuestion,
	setQuestionActive,
	listQuestions,
	seedPoolDemo,
	representation
} from '../../../src/lib/server/pool';

describe.each(BACKENDS)('pool admin settings on %s', (backend) => {
	let t: TestDb;
	let admin: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		admin = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'a@example.fi', display_name: 'A' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => t.close());

	it('adds and deactivates background questions, audited', async () => {
		await addQuestion(t.db, admin, {
			labelFi: 'Koulutus',
			labelSv: 'Utbildning',
			labelEn: 'Education',
			options: [{ value: 'basic', fi: 'Perusaste', sv: 'Grund', en: 'Basic' }]
		});
		const [q] = await listQuestions(t.db);
		expect(q.options[0].value).toBe('basic');
		await setQuestionActive(t.db, admin, q.id, false);
		expect(await listQuestions(t.db)).toHaveLength(0);
		expect(await listQuestions(t.db, false)).toHaveLength(1);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('actor_user_id', '=', admin)
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['pool.question_added', 'pool.question_active']);
	});

	it('the demo data labels its population figures illustrative and gives real member counts', async () => {
		await seedPoolDemo(t.db);
		const tables = await representation(t.db);
		for (const tb of tables) {
			expect(tb.sources.length).toBeGreaterThan(0);
			expect(tb.sources.every((s) => s.illustrative && /Illustrative/.test(s.source))).toBe(true);
		}
		const mun = tables.find((x) => x.dimension === 'municipality')!;
		const active = await t.db
			.selectFrom('pool_member')
			.select('id')
			.where('status', '=', 'active')
			.execute();
		expect(mun.rows.reduce((s, r) => s + r.members, 0)).toBe(active.length);
	});
});
