import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { searchMembers, representation, importPopulation } from '../../../src/lib/server/pool';
import { activeMember } from './helpers';

describe.each(BACKENDS)('pool search and representativeness on %s', (backend) => {
	let t: TestDb;
	const year = 2026;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const lines = await t.db.selectFrom('service_line').select('id').orderBy('id').execute();
		await activeMember(t.db, {
			email: 'm1@x.fi',
			name: 'Maija Meikäläinen',
			municipality: '837',
			birthYear: 1990,
			gender: 'female',
			motherTongue: 'fi',
			serviceLines: [lines[0].id],
			modes: ['online'],
			background: { '1': 's1' }
		});
		await activeMember(t.db, {
			email: 'm2@x.fi',
			name: 'Matti',
			municipality: '837',
			birthYear: 1950,
			gender: 'male',
			motherTongue: 'sv',
			serviceLines: [lines[1].id],
			modes: ['phone']
		});
		await activeMember(t.db, {
			email: 'm3@x.fi',
			name: 'Kim 100%_',
			municipality: '536',
			birthYear: 1980,
			gender: 'other',
			serviceLines: [lines[0].id, lines[1].id],
			modes: ['in_person', 'online'],
			background: { '1': 's2' }
		});
	});
	afterAll(() => t.close());

	it('filters by every attribute', async () => {
		const lines = await t.db.selectFrom('service_line').select('id').orderBy('id').execute();
		const names = async (f: Parameters<typeof searchMembers>[1]) =>
			(await searchMembers(t.db, f, { year })).rows.map((r) => r.email).sort();
		expect(await names({})).toEqual(['m1@x.fi', 'm2@x.fi', 'm3@x.fi']);
		expect(await names({ q: 'meikä' })).toEqual(['m1@x.fi']);
		expect(await names({ q: '100%_' })).toEqual(['m3@x.fi']);
		expect(await names({ q: '%' })).toEqual(['m3@x.fi']); // wildcards are literal
		expect(await names({ municipality: ['837'] })).toEqual(['m1@x.fi', 'm2@x.fi']);
		expect(await names({ ageBand: ['65-74', '75+'] })).toEqual(['m2@x.fi']);
		expect(await names({ ageBand: ['30-44'] })).toEqual(['m1@x.fi']);
		expect(await names({ gender: ['other'] })).toEqual(['m3@x.fi']);
		expect(await names({ language: ['sv'] })).toEqual(['m2@x.fi']);
		expect(await names({ serviceLine: [lines[1].id] })).toEqual(['m2@x.fi', 'm3@x.fi']);
		expect(await names({ mode: ['online'] })).toEqual(['m1@x.fi', 'm3@x.fi']);
		expect(await names({ background: { '1': ['s2'] } })).toEqual(['m3@x.fi']);
		expect(await names({ status: ['paused'] })).toEqual([]);
		expect(await names({ municipality: ['837'], mode: ['phone'] })).toEqual(['m2@x.fi']);
		const page = await searchMembers(t.db, {}, { limit: 2, year });
		expect(page.rows).toHaveLength(2);
		expect(page.total).toBe(3);
	});

	it('sets member counts against imported population shares', async () => {
		const bad = await importPopulation(
			t.db,
			null,
			'dimension,value,population,source,year\nplanet,837,1,x,2024\nmunicipality,837,-5,x,2024\n'
		);
		expect(bad.ok).toBe(false);
		expect(await t.db.selectFrom('pool_population').selectAll().execute()).toHaveLength(0);
		const ok = await importPopulation(
			t.db,
			null,
			'dimension,value,population,source,year\nmunicipality,837,750,Tilastokeskus,2024\nmunicipality,536,250,Tilastokeskus,2024\n'
		);
		expect(ok.ok).toBe(true);
		const tables = await representation(t.db, { status: ['active'] }, year);
		const mun = tables.find((x) => x.dimension === 'municipality')!;
		const tre = mun.rows.find((r) => r.value === '837')!;
		expect(tre.members).toBe(2);
		expect(tre.populationShare).toBeCloseTo(75);
		expect(tre.gap).toBeCloseTo(200 / 3 - 75);
		expect(mun.sources).toEqual([{ source: 'Tilastokeskus', year: 2024, illustrative: false }]);
		const gender = tables.find((x) => x.dimension === 'gender')!;
		expect(gender.rows.find((r) => r.value === 'female')?.members).toBe(1);
	});
});
