import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { grant, loadEvent, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { submitCase } from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));

const list = await import('../../../src/routes/staff/feedback/cases/+page.server');

describe.each(BACKENDS)('feedback case dates on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		rt.current = { db: t.db, config: {} };
		await t.db
			.insertInto('app_user')
			.values({ email: 'handler@example.test', display_name: 'K', locale: 'fi' })
			.execute();
		const h = await t.db
			.selectFrom('app_user')
			.select('id')
			.where('email', '=', 'handler@example.test')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('user_role')
			.values({ user_id: h.id, role: 'feedback_handler', unit_id: units.b, service_line_id: null })
			.execute();
		// 01:30 on 16 July in Finland is still 15 July in UTC.
		await submitCase(
			t.db,
			'http://portal.test',
			{
				clientId: 'late-night-case',
				unitId: units.b,
				kind: 'complaint',
				body: 'Yöllä lähetetty',
				replyRequested: true,
				contact: { email: 'asiakas@example.test' },
				locale: 'fi'
			},
			new Date('2026-07-15T22:30:00Z')
		);
	});
	afterAll(() => t.close());

	it('a case sent after midnight in Finland shows that Finnish day, in the list and the mail', async () => {
		const staff = user('00000000-0000-4000-8000-0000000000c1', [grant('feedback_handler')]);
		const data = (await list.load(
			loadEvent('/staff/feedback/cases', { user: staff }) as never
		)) as { cases: { created: string; due: string | null }[] };
		expect(data.cases).toEqual([
			expect.objectContaining({ created: '2026-07-16', due: '2026-07-23' })
		]);
		const mail = await t.db
			.selectFrom('mail_outbox')
			.select('text_body')
			.where('to_address', '=', 'handler@example.test')
			.executeTakeFirstOrThrow();
		expect(mail.text_body).toContain('2026-07-23');
	});
});
