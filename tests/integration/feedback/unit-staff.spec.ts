import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { grant, loadEvent, outcome, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { submitResponses } from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));

const dashboard = await import('../../../src/routes/staff/feedback/+page.server');
const cases = await import('../../../src/routes/staff/feedback/cases/+page.server');
const exportCsv = await import('../../../src/routes/staff/feedback/export/+server');
const importCsv = await import('../../../src/routes/staff/feedback/import/+page.server');

describe.each(BACKENDS)('unit staff in the feedback area on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
		rt.current = { db: t.db, config: {} };
		await submitResponses(
			t.db,
			(['a', 'b'] as const).map((u) => ({
				clientId: `unit-staff-${u}`,
				unitId: units[u],
				channel: 'web',
				answers: { nps: 9, open: `yksikkö ${u}` }
			}))
		);
	});
	afterAll(() => t.close());

	const id = '00000000-0000-4000-8000-0000000000d1';
	type Dash = {
		readOnly: boolean;
		lines: { units: { id: number }[] }[];
		dash: { unitIds: number[]; open: { text: string }[] };
	};

	it("see their own unit's dashboard read-only, and nothing of other units", async () => {
		const staff = user(id, [grant('staff', units.b)]);
		const data = (await dashboard.load(
			loadEvent('/staff/feedback', { user: staff }) as never
		)) as Dash;
		expect(data.readOnly).toBe(true);
		expect(data.lines.flatMap((l) => l.units.map((u) => u.id))).toEqual([units.b]);
		expect(data.dash.open.map((o) => o.text)).toEqual(['yksikkö b']);
		// Asking for another unit shows nothing of it.
		const other = (await dashboard.load(
			loadEvent(`/staff/feedback?unit=${units.a}`, { user: staff }) as never
		)) as Dash;
		expect(other.dash.unitIds).toEqual([]);
		expect(other.dash.open).toEqual([]);
	});

	it('may not open cases, export or import', async () => {
		const staff = user(id, [grant('staff', units.b)]);
		// One at a time: promises made up front would reject before they are awaited.
		for (const call of [
			() => cases.load(loadEvent('/staff/feedback/cases', { user: staff }) as never),
			() => exportCsv.GET(loadEvent('/staff/feedback/export', { user: staff }) as never),
			() => importCsv.load(loadEvent('/staff/feedback/import', { user: staff }) as never)
		])
			expect(await outcome(call())).toMatchObject({ status: 403 });
	});

	it('staff without a unit get 403; handlers keep the full view', async () => {
		const noUnit = user(id, [grant('staff')]);
		expect(
			await outcome(dashboard.load(loadEvent('/staff/feedback', { user: noUnit }) as never))
		).toMatchObject({ status: 403 });
		const handler = user(id, [grant('feedback_handler', units.a)]);
		const data = (await dashboard.load(
			loadEvent('/staff/feedback', { user: handler }) as never
		)) as Dash;
		expect(data.readOnly).toBe(false);
		expect(data.dash.open.map((o) => o.text)).toEqual(['yksikkö a']);
	});
});
