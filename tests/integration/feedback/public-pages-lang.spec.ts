/**
 * The public NPS pages mark a unit's name lang="fi" on Swedish and English pages when the unit
 * has no name in that language (the Finnish one stands in), and leave it unmarked otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { linePage, unitPage } from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

describe.each(BACKENDS)('public NPS pages mark Finnish-only names on %s', (backend) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		await addUnits(t.db);
		const line = await t.db
			.selectFrom('service_line')
			.select('id')
			.where('code', '=', 'outpatient')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('unit')
			.values({
				service_line_id: line.id,
				parent_id: null,
				code: 'fx-fi-only',
				name_fi: 'Vain suomeksi',
				name_sv: '',
				name_en: '',
				municipality_code: null
			})
			.execute();
	});
	afterAll(async () => t?.close());

	it('marks the Finnish-only unit on the Swedish and English line pages, not the others', async () => {
		for (const locale of ['sv', 'en'] as const) {
			const page = await linePage(t.db, 'outpatient', locale);
			const fiOnly = page.items.find((it) => it.href.endsWith('/fx-fi-only'))!;
			expect([fiOnly.name, fiOnly.lang]).toEqual(['Vain suomeksi', 'fi']);
			const translated = page.items.find((it) => it.href.endsWith('/fx-a'))!;
			expect(translated.lang).toBeUndefined();
			expect(page.lang).toBeUndefined();
		}
		const fi = await linePage(t.db, 'outpatient', 'fi');
		expect(fi.items.every((it) => it.lang === undefined)).toBe(true);
	});

	it('marks the unit page heading', async () => {
		expect((await unitPage(t.db, 'outpatient', 'fx-fi-only', 'sv')).lang).toBe('fi');
		expect((await unitPage(t.db, 'outpatient', 'fx-a', 'sv')).lang).toBeUndefined();
		expect((await unitPage(t.db, 'outpatient', 'fx-fi-only', 'fi')).lang).toBeUndefined();
	});
});
