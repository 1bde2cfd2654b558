/**
 * The member export opens in Excel in Finland and reads back (issue 11): BOM, semicolons, column
 * names and values in the reader's language (municipality names, not "837"), and the import
 * takes the same file, in Finnish or Swedish, back to the same codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { exportMembersCsv, importMembers } from '../../../src/lib/server/pool';
import { activeMember } from './helpers';

describe.each(BACKENDS)('pool member export and import on %s', (backend) => {
	let t: TestDb;
	let coordinator: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		coordinator = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'k@example.fi', display_name: 'K' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await activeMember(t.db, {
			name: 'Aino Mäkelä',
			email: 'aino@example.fi',
			municipality: '837',
			gender: 'female',
			motherTongue: 'sv',
			locale: 'sv',
			birthYear: 1961
		});
	});
	afterAll(() => t.close());

	const members = () =>
		t.db
			.selectFrom('pool_member')
			.select([
				'name',
				'email',
				'municipality_code',
				'birth_year',
				'gender',
				'mother_tongue',
				'locale'
			])
			.execute();

	for (const locale of ['fi', 'sv'] as const)
		it(`exports readable ${locale} and imports the same file back`, async () => {
			const before = await members();
			const csv = await exportMembersCsv(t.db, coordinator, {}, locale);
			const [head, row] = csv.split('\r\n');
			expect(head).toBe(
				locale === 'fi'
					? '\ufeffNimi;Sähköposti;Puhelin;Kunta;Syntymävuosi;Sukupuoli;Äidinkieli;Asiointikieli;Tila;Kiinnostavat palvelut;Osallistumistavat;Liittynyt'
					: '\ufeffNamn;E-post;Telefon;Kommun;Födelseår;Kön;Modersmål;Kontaktspråk;Status;Intressanta tjänster;Sätt att delta;Anslöt'
			);
			expect(row).toContain(locale === 'fi' ? ';Tampere;1961;' : ';Tammerfors;1961;');
			expect(row).not.toContain(';837;');
			expect(row).not.toContain('female');
			// The same file back, after the member is gone: the same codes.
			await t.db.deleteFrom('pool_member').execute();
			const r = await importMembers(t.db, coordinator, Buffer.from(csv, 'utf8'));
			expect(r.errors).toEqual([]);
			expect(r.imported).toBe(1);
			expect(await members()).toEqual(before);
		});
});
