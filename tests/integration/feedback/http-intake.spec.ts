import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	handleJsonIntake,
	handleSmsIntake,
	importCsv,
	exportCsv
} from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

describe.each(BACKENDS)('feedback HTTP intake and CSV import on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	beforeAll(async () => {
		process.env.FEEDBACK_SMS_TOKEN = 'test-sms-token';
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
	});
	afterAll(() => t.close());

	const post = (body: unknown, headers: Record<string, string> = {}) =>
		new Request('http://x/api', {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	const opts = { clientIp: '1.2.3.4', locale: 'fi' as const, allow: () => true };
	const count = async (channel: string) =>
		(
			await t.db
				.selectFrom('feedback_response')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('channel', '=', channel)
				.executeTakeFirstOrThrow()
		).n;

	it('JSON intake: stores, is idempotent, explains bad input, rate limits', async () => {
		const one = { clientId: 'kiosk-000001', unit: 'fx-a', channel: 'kiosk', answers: { nps: 10 } };
		expect((await handleJsonIntake(t.db, post(one), opts)).status).toBe(201);
		const dup = await handleJsonIntake(t.db, post({ responses: [one] }), opts);
		expect(dup.status).toBe(200);
		expect(await dup.json()).toMatchObject({ stored: 0, duplicates: 1 });
		const bad = await handleJsonIntake(
			t.db,
			post({ ...one, clientId: 'kiosk-000002', answers: { nps: 'ten' } }),
			opts
		);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({
			problems: [{ index: 0, errors: { nps: 'Valitse numero 0–10.' } }]
		});
		expect((await handleJsonIntake(t.db, post('{not json'), opts)).status).toBe(400);
		const unknownUnit = await handleJsonIntake(t.db, post({ ...one, unit: 'nope' }), opts);
		expect(await unknownUnit.json()).toMatchObject({ error: 'feedback.errors.unit' });
		const limited = await handleJsonIntake(t.db, post(one), { ...opts, allow: () => false });
		expect(limited.status).toBe(429);
		expect(await count('kiosk')).toBe(1);
	});

	it('a batch is answered item by item: one bad answer does not refuse the good ones', async () => {
		const good = (n: number) => ({
			clientId: `queue-item-${n}`,
			unit: 'fx-b',
			channel: 'kiosk',
			answers: { nps: n, open: `hyvä ${n}` }
		});
		const res = await handleJsonIntake(
			t.db,
			post({
				responses: [
					good(1),
					{ ...good(2), answers: { nps: 12 } }, // out of range
					good(3),
					{ ...good(4), unit: 'no-such-unit' },
					{ clientId: 'x', unit: 'fx-b' }, // not even the shape of an answer
					good(1) // a resend of the first within the same batch
				]
			}),
			{ ...opts, locale: 'en' }
		);
		expect(res.status).toBe(201);
		expect(await res.json()).toEqual({
			stored: 2,
			duplicates: 1,
			refused: 3,
			results: [
				{ clientId: 'queue-item-1', status: 'stored' },
				{
					clientId: 'queue-item-2',
					status: 'invalid',
					errors: { nps: 'Choose a number from 0 to 10.' }
				},
				{ clientId: 'queue-item-3', status: 'stored' },
				{
					clientId: 'queue-item-4',
					status: 'invalid',
					errors: { unit: expect.any(String) }
				},
				{
					clientId: 'x',
					status: 'invalid',
					errors: expect.objectContaining({ clientId: expect.any(String) })
				},
				{ clientId: 'queue-item-1', status: 'duplicate' }
			]
		});
		const rows = await t.db
			.selectFrom('feedback_response')
			.select('client_id')
			.where('client_id', 'like', 'queue-item-%')
			.orderBy('client_id')
			.execute();
		expect(rows.map((r) => r.client_id)).toEqual(['queue-item-1', 'queue-item-3']);
		// Resending the whole queue: the stored ones are duplicates, the bad ones refused again.
		const again = await handleJsonIntake(
			t.db,
			post({ responses: [good(3), { ...good(2), answers: { nps: 12 } }] }),
			opts
		);
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1, refused: 1 });
		// Nothing acceptable at all: a 400 that still says what was wrong with each item.
		const none = await handleJsonIntake(
			t.db,
			post({ responses: [{ ...good(5), answers: { nps: -1 } }] }),
			opts
		);
		expect(none.status).toBe(400);
		expect(await none.json()).toMatchObject({
			message: 'Vastauksessa on virheitä. Korjaa merkityt kohdat.',
			results: [
				{ clientId: 'queue-item-5', status: 'invalid', errors: { nps: 'Valitse numero 0–10.' } }
			]
		});
	});

	it('concurrent requests are group-committed and each gets its own honest count', async () => {
		const reqs = Array.from({ length: 30 }, (_, i) =>
			handleJsonIntake(
				t.db,
				post({
					clientId: `burst-${String(i % 20).padStart(4, '0')}`,
					unit: 'fx-c',
					channel: 'web',
					answers: { nps: i % 11 }
				}),
				opts
			)
		);
		const bodies = (await Promise.all(reqs.map(async (r) => (await r).json()))) as {
			stored: number;
		}[];
		expect(bodies.reduce((a, b) => a + b.stored, 0)).toBe(20);
		const rows = await t.db
			.selectFrom('feedback_rollup_daily')
			.select((eb) => eb.fn.sum<number>('responses').as('n'))
			.where('unit_id', '=', units.c)
			.executeTakeFirstOrThrow();
		expect(Number(rows.n)).toBe(20);
	});

	it('SMS: needs the token, takes at most three answers NPS first, message id is the key', async () => {
		const sms = { messageId: 'gw-123', unit: 'fx-b', answers: [9, 4, 'Hyvä palvelu'] };
		expect((await handleSmsIntake(t.db, post(sms))).status).toBe(401);
		expect(
			(await handleSmsIntake(t.db, post(sms, { authorization: 'Bearer wrong-token-x' }))).status
		).toBe(401);
		const auth = { authorization: 'Bearer test-sms-token' };
		expect((await handleSmsIntake(t.db, post(sms, auth))).status).toBe(201);
		expect((await handleSmsIntake(t.db, post(sms, auth))).status).toBe(200);
		const four = await handleSmsIntake(
			t.db,
			post({ ...sms, messageId: 'gw-124', answers: [1, 2, 'x', 4] }, auth)
		);
		expect(four.status).toBe(400);
		const row = await t.db
			.selectFrom('feedback_response')
			.select(['nps', 'answers', 'open_text'])
			.where('client_id', '=', 'sms:gw-123')
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			nps: 9,
			answers: { nps: 9, s1: 4, open: 'Hyvä palvelu' },
			open_text: 'Hyvä palvelu'
		});
		expect(await count('sms')).toBe(1);
	});

	it('CSV import is all or nothing, scoped to the handler, and idempotent', async () => {
		const good =
			'client_id,unit_code,answered_at,nps,s1,open\r\np-1,fx-a,2026-11-01T10:00:00Z,8,4,"Hyvä, kiitos"\np-2,fx-a,,3,dk,\n';
		const bad = good + 'p-3,fx-a,,11,,\n';
		const r1 = await importCsv(t.db, bad, [units.a]);
		expect(r1).toEqual({
			ok: false,
			problems: [
				{
					key: 'feedback.import.rowError',
					params: { row: 4, field: 'nps', message: 'feedback.errors.npsRange' }
				}
			]
		});
		expect(await count('import')).toBe(0);
		const r2 = await importCsv(t.db, good, [units.b]);
		expect(r2.ok).toBe(false);
		expect(await importCsv(t.db, good, [units.a])).toEqual({ ok: true, stored: 2, duplicates: 0 });
		expect(await importCsv(t.db, good, [units.a])).toEqual({ ok: true, stored: 0, duplicates: 2 });
		const row = await t.db
			.selectFrom('feedback_response')
			.select('open_text')
			.where('client_id', '=', 'import:p-1')
			.executeTakeFirstOrThrow();
		expect(row.open_text).toBe('Hyvä, kiitos');
		expect(await importCsv(t.db, 'foo,bar\n1,2\n', [units.a])).toMatchObject({
			ok: false,
			problems: [{ key: 'feedback.import.badHeader' }]
		});
	});

	it('CSV export is readable in Excel, neutralises formula cells, and reads back', async () => {
		const csv =
			'client_id,unit_code,answered_at,nps,open\nx-1,fx-a,2026-11-02T10:00:00Z,5,"=HYPERLINK(""http://x"",""y"")"\n';
		expect(await importCsv(t.db, csv, [units.a])).toMatchObject({ ok: true, stored: 1 });
		const bytes = await new Response(
			exportCsv(t.db, [units.a], '2026-11-02', '2026-11-02')
		).arrayBuffer();
		// Keep the BOM in the text: spreadsheet programs need it to read UTF-8.
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(text.startsWith('\ufeffVastauksen tunnus;Vastattu;Yksikkö;Yksikön koodi;Kanava;')).toBe(
			true
		);
		expect(text).toContain(`;"'=HYPERLINK(""http://x"",""y"")"\r\n`);
		// Helsinki time, names instead of codes; the NPS is a number cell, written as is.
		expect(text).toMatch(/;2026-11-02 12:00;Yksikkö A;fx-a;Tuonti \(CSV\);[^;]+;\d+;5;/);
		// The same file imports back (as new answers: the id becomes the import's client id).
		const back = await importCsv(t.db, new Uint8Array(bytes), [units.a]);
		expect(back).toMatchObject({ ok: true, stored: 1 });
	});

	it('CSV import reads Windows-1252 with semicolons and refuses other files with the reason', async () => {
		const latin = Uint8Array.from(
			Buffer.from('client_id;unit_code;nps;open\r\nw-1;fx-a;9;"Hyvä; Åbo"\r\n', 'latin1')
		);
		expect(await importCsv(t.db, latin, [units.a])).toEqual({ ok: true, stored: 1, duplicates: 0 });
		const row = await t.db
			.selectFrom('feedback_response')
			.select('open_text')
			.where('client_id', '=', 'import:w-1')
			.executeTakeFirstOrThrow();
		expect(row.open_text).toBe('Hyvä; Åbo');
		const before = await count('import');
		const utf16 = Uint8Array.from(Buffer.from('client_id,unit_code,nps\nw-2,fx-a,9\n', 'utf16le'));
		expect(await importCsv(t.db, utf16, [units.a])).toEqual({
			ok: false,
			problems: [{ key: 'core.errors.csvUnsupported', params: {} }]
		});
		expect(await count('import')).toBe(before);
	});
});
