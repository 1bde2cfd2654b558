import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { grant, loadEvent, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { submitResponses, readFilter } from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));

const { load } = await import('../../../src/routes/staff/feedback/+page.server');

describe.each(BACKENDS)('dashboard period bounds on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		rt.current = { db: t.db, config: {} };
		// Around July 2026 in Finland (UTC+3): the month is 2026-06-30T21:00Z … 2026-07-31T20:59:59.999Z.
		const at = {
			'before-start': '2026-06-30T20:59:59.999Z',
			'first-moment': '2026-06-30T21:00:00.000Z',
			'last-moment': '2026-07-31T20:59:59.999Z',
			'after-end': '2026-07-31T21:00:00.000Z'
		};
		await submitResponses(
			t.db,
			Object.entries(at).map(([text, iso], i) => ({
				clientId: `period-${i}`,
				unitId: units.a,
				channel: 'web',
				answers: { nps: 7, open: text },
				answeredAt: new Date(iso)
			}))
		);
	});
	afterAll(() => t.close());

	it('newest open answers keep to the Finnish calendar days of the period, both ends', async () => {
		const handler = user('00000000-0000-4000-8000-000000000001', [grant('feedback_handler')]);
		const data = (await load(
			loadEvent(`/staff/feedback?unit=${units.a}&from=2026-07-01&to=2026-07-31`, {
				user: handler
			}) as never
		)) as { dash: { open: { text: string; date: string }[]; total: { responses: number } } };
		expect(data.dash.open.map((o) => o.text).sort()).toEqual(['first-moment', 'last-moment']);
		// Dates are shown as Finnish days too.
		expect(data.dash.open.map((o) => o.date).sort()).toEqual(['2026-07-01', '2026-07-31']);
		// The figures (from the daily rollups) count the same two answers.
		expect(data.dash.total.responses).toBe(2);
	});

	it('a day that does not exist is refused with a message; the filter itself falls back', async () => {
		const handler = user('00000000-0000-4000-8000-000000000001', [grant('feedback_handler')]);
		const url = `/staff/feedback?unit=${units.a}&from=2026-02-30&to=2026-07-31`;
		// Bad input is a 400 with a message in the user's language, before any query runs.
		await expect(load(loadEvent(url, { user: handler }) as never)).rejects.toMatchObject({
			status: 400
		});
		const f = readFilter(new URL(url, 'http://localhost'));
		expect(f).toMatchObject({ to: '2026-07-31', invalid: 'validation.date' });
		expect(f.from).not.toBe('2026-02-30');
	});
});
