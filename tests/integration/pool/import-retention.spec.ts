import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { checkMemberCsv, importMembers } from '../../../src/lib/server/pool/import.service';
import { runRetention } from '../../../src/lib/server/pool/retention.service';
import { confirmStay, joinPool } from '../../../src/lib/server/pool/member.service';
import { activeMember, lastLinkTo, ORIGIN, profile } from './helpers';
import { translate } from '../../../src/lib/server/core/i18n/translate';

const DAY = 86400000;

describe.each(BACKENDS)('pool import and retention on %s', (backend) => {
	let t: TestDb;
	let coordinator: string;
	// A fresh database per test: no test relies on what another one stored, in any order.
	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		coordinator = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'k@example.fi', display_name: 'K' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await activeMember(t.db, { email: 'exists@example.fi' });
	});
	afterEach(() => t.close());

	it('lists every bad row with line number and reason, and writes nothing', async () => {
		const csv = [
			'name;email;phone;municipality;birth_year;gender',
			'Hyvä Rivi;hyva@example.fi;040 123;837;1970;female',
			'"Lainattu; nimi";ei-osoite;;837;1970;',
			'Vanha;vanha@example.fi;;999;1800;',
			'Tupla;hyva@example.fi;;837;1970;',
			'Jo olemassa;EXISTS@example.fi;;837;1970;',
			'Sukupuoli;s@example.fi;;837;1970;alien'
		].join('\n');
		const result = await importMembers(t.db, coordinator, csv);
		expect(result.ok).toBe(false);
		expect(result.imported).toBe(0);
		const byLine = Object.fromEntries(
			result.errors.map((e) => [e.line, e.errors.map((x) => `${x.field}:${x.key}`)])
		);
		expect(byLine[3]).toEqual(['email:validation.email']);
		expect(byLine[4]).toContain('birth_year:pool.errors.birthYear');
		expect(byLine[5]).toEqual(['email:pool.import.duplicateInFile']);
		expect(byLine[6]).toEqual(['email:pool.import.alreadyMember']);
		expect(byLine[7]?.[0]).toMatch(/^gender:/);
		expect(byLine[2]).toBeUndefined();
		const n = await t.db
			.selectFrom('pool_member')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(n.n)).toBe(1);
	});

	it('imports a valid file in one go, as active members with a paper consent', async () => {
		const csv =
			'name,email,municipality,birth_year,mother_tongue\nA,a1@example.fi,837,1970,sv\nB,b1@example.fi,536,1985,\n';
		const r = await importMembers(t.db, coordinator, csv);
		expect(r).toMatchObject({ ok: true, imported: 2 });
		const a = await t.db
			.selectFrom('pool_member')
			.selectAll()
			.where('email', '=', 'a1@example.fi')
			.executeTakeFirstOrThrow();
		expect(a).toMatchObject({ status: 'active', source: 'import', locale: 'sv' });
		expect(
			await t.db.selectFrom('pool_consent').selectAll().where('member_id', '=', a.id).execute()
		).toHaveLength(1);
	});

	it('a Windows-1252 file with semicolons (Excel on Finnish Windows) keeps ä, ö and å', async () => {
		// The bytes a spreadsheet saves as "CSV (semicolon)": not UTF-8, one byte per letter.
		const bytes = Uint8Array.from(
			Buffer.from(
				'name;email;municipality;birth_year\r\n"Mäkelä; Åsa Öhman";makela@example.fi;837;1961\r\n',
				'latin1'
			)
		);
		expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).toContain('\ufffd');
		const r = await importMembers(t.db, coordinator, bytes);
		expect(r).toMatchObject({ ok: true, imported: 1 });
		const m = await t.db
			.selectFrom('pool_member')
			.select(['name', 'municipality_code'])
			.where('email', '=', 'makela@example.fi')
			.executeTakeFirstOrThrow();
		expect(m).toEqual({ name: 'Mäkelä; Åsa Öhman', municipality_code: '837' });
	});

	it('refuses a file that is no readable CSV, saying which encodings and delimiters work', async () => {
		const before = await t.db
			.selectFrom('pool_member')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow();
		// UTF-16 (Excel's "Unicode text") and a tab-separated file.
		for (const file of [
			Uint8Array.from(Buffer.from('\ufeffname,email,municipality,birth_year\n', 'utf16le')),
			Uint8Array.from(Buffer.from('name\temail\tmunicipality\tbirth_year\n', 'utf8'))
		]) {
			const r = await importMembers(t.db, coordinator, file);
			expect(r).toMatchObject({ ok: false, imported: 0, fileError: 'core.errors.csvUnsupported' });
			expect(translate('fi', r.fileError!)).toMatch(/UTF-8.*Windows-1252.*pilkku.*puolipiste/);
			expect(translate('en', r.fileError!)).toMatch(/UTF-8.*Windows-1252.*commas.*semicolons/);
		}
		const after = await t.db
			.selectFrom('pool_member')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('a 50 000-row file with one bad row is checked in seconds and rejected whole', async () => {
		const lines = ['name,email,phone,municipality,birth_year,gender,mother_tongue,locale'];
		for (let i = 0; i < 50_000; i++)
			lines.push(
				`Henkilö Numero ${i} Pitkä Nimi Tässä,henkilo.numero.${i}@esimerkki-osoite.fi,+358 40 123 ${String(i).padStart(5, '0')},837,${1940 + (i % 60)},female,fi,fi`
			);
		lines[25_000] = lines[25_000].replace(',837,', ',000,');
		const text = lines.join('\n');
		const started = Date.now();
		const check = await checkMemberCsv(t.db, text);
		const ms = Date.now() - started;
		expect(check.ok).toBe(false);
		expect(check.errors).toEqual([
			{ line: 25_001, errors: [{ field: 'municipality', key: 'pool.import.unknownMunicipality' }] }
		]);
		expect(ms).toBeLessThan(10_000);
	});

	it('asks inactive members to stay, keeps those who answer and removes the silent', async () => {
		const policy = { inactiveDays: 365, graceDays: 30, pendingDays: 30 };
		const stayer = await activeMember(t.db, { email: 'stay@example.fi' });
		const silent = await activeMember(t.db, { email: 'silent@example.fi' });
		await joinPool(t.db, ORIGIN, profile({ email: 'never@example.fi' }));
		const in400 = new Date(Date.now() + 400 * DAY);
		const r1 = await runRetention(t.db, ORIGIN, policy, in400);
		expect(r1.asked).toBeGreaterThanOrEqual(2);
		expect(r1.removed).toBe(1); // the sign-up never confirmed
		const token = await lastLinkTo(t.db, 'stay@example.fi', '/pool/stay');
		expect(await confirmStay(t.db, token)).toBe(true);
		// "Stay" sets last_active_at to the real now; move it to the fake now for the test.
		await t.db
			.updateTable('pool_member')
			.set({ last_active_at: in400 })
			.where('id', '=', stayer)
			.execute();
		const r2 = await runRetention(t.db, ORIGIN, policy, new Date(in400.getTime() + 31 * DAY));
		expect(r2.removed).toBeGreaterThanOrEqual(1);
		const left = await t.db
			.selectFrom('pool_member')
			.select('id')
			.where('id', 'in', [stayer, silent])
			.execute();
		expect(left.map((m) => m.id)).toEqual([stayer]);
		const stat = await t.db
			.selectFrom('pool_stat')
			.selectAll()
			.where('metric', '=', 'removed_retention')
			.execute();
		expect(stat.reduce((s, x) => s + x.count, 0)).toBeGreaterThanOrEqual(2);
	});

	it('two retention runs at once mail each inactive member once', async () => {
		const policy = { inactiveDays: 365, graceDays: 30, pendingDays: 30 };
		const emails = ['twice-a@example.fi', 'twice-b@example.fi', 'twice-c@example.fi'];
		for (const email of emails) await activeMember(t.db, { email });
		const later = new Date(Date.now() + 800 * DAY);
		const [a, b] = await Promise.all([
			runRetention(t.db, ORIGIN, policy, later),
			runRetention(t.db, ORIGIN, policy, later)
		]);
		const mails = await t.db
			.selectFrom('mail_outbox')
			.select('to_address')
			.where('category', '=', 'pool.mail.stay')
			.where('to_address', 'in', emails)
			.execute();
		expect(mails.map((m) => m.to_address).sort()).toEqual(emails);
		expect(a.asked + b.asked).toBeGreaterThanOrEqual(emails.length);
		const tokens = await t.db
			.selectFrom('pool_token as k')
			.innerJoin('pool_member as m', 'm.id', 'k.member_id')
			.select('m.email')
			.where('k.purpose', '=', 'stay')
			.where('m.email', 'in', emails)
			.execute();
		expect(tokens).toHaveLength(emails.length);
	});
});
