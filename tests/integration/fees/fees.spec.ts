/**
 * Fee records on PGlite and PostgreSQL: fees priced from the rate in force on the event date
 * (next year's rate leaves this year's sums alone), overlapping validity refused, no rate → a
 * typed error and no row; a closed month's payroll CSV never changes, a correction after closing
 * becomes an adjustment in the next open month, and the sums equal a hand count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	FeeError,
	addRate,
	closeMonth,
	correctFee,
	endRate,
	feesFor,
	payrollCsv,
	recordFee,
	reportCorrection,
	totals
} from '../../../src/lib/server/fees';

describe.each(BACKENDS)('fees on %s', (backend) => {
	let t: TestDb;
	let admin: string;
	let member: string;
	let other: string;
	let line: number;

	async function user(name: string) {
		const row = await t.db
			.insertInto('app_user')
			.values({ email: `${name}@example.fi`, display_name: name })
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	}
	const meeting = (payee: string, name: string, on: string, extra: Record<string, unknown> = {}) =>
		t.db.transaction().execute((trx) =>
			recordFee(trx, admin, {
				payeeUserId: payee,
				payeeName: name,
				sourceType: 'council_meeting',
				sourceId: '7',
				eventOn: on,
				kind: 'meeting_fee_member',
				serviceLineId: line,
				label: 'Asiakasraati',
				...extra
			})
		);

	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		admin = await user('admin');
		member = await user('Maija Jäsen');
		other = await user('Olli Muu');
		line = (await t.db.selectFrom('service_line').select('id').executeTakeFirstOrThrow()).id;
		await t.db.transaction().execute(async (trx) => {
			await addRate(trx, admin, {
				kind: 'meeting_fee_member',
				cents: 6000,
				validFrom: '2026-01-01',
				validTo: '2026-12-31'
			});
			await addRate(trx, admin, {
				kind: 'meeting_fee_chair',
				cents: 9000,
				validFrom: '2026-01-01',
				validTo: null
			});
			await addRate(trx, admin, {
				kind: 'travel_km',
				cents: 55,
				validFrom: '2026-01-01',
				validTo: null
			});
		});
	});
	afterEach(async () => {
		await t.close();
	});

	it('prices from the rate on the event date; next year’s rate does not rewrite this year', async () => {
		const a = await meeting(member, 'Maija Jäsen', '2026-11-11');
		expect(a).toMatchObject({ unitCents: 6000, amountCents: 6000, month: '2026-11' });
		await t.db.transaction().execute((trx) =>
			addRate(trx, admin, {
				kind: 'meeting_fee_member',
				cents: 7000,
				validFrom: '2027-01-01',
				validTo: null
			})
		);
		const b = await meeting(member, 'Maija Jäsen', '2027-01-15');
		expect(b.unitCents).toBe(7000);
		const km = await meeting(member, 'Maija Jäsen', '2026-11-11', {
			kind: 'travel_km',
			quantity: 12.5
		});
		expect(km.amountCents).toBe(688);
		const byYear = await totals(t.db, { by: 'year' });
		expect(byYear).toEqual([
			{ key: '2026', label: '2026', cents: 6688, rows: 2 },
			{ key: '2027', label: '2027', cents: 7000, rows: 1 }
		]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'fees.%')
			.execute();
		expect(audit.filter((r) => r.action === 'fees.record')).toHaveLength(3);
		expect(audit.filter((r) => r.action === 'fees.rate.add')).toHaveLength(4);
	});

	it('refuses overlapping validity and a day without a rate, and writes nothing', async () => {
		const before = await t.db.selectFrom('fee_rate').select('id').execute();
		await expect(
			t.db.transaction().execute((trx) =>
				addRate(trx, admin, {
					kind: 'travel_km',
					cents: 60,
					validFrom: '2026-06-01',
					validTo: '2026-06-30'
				})
			)
		).rejects.toMatchObject({ code: 'overlap', details: { validFrom: '2026-01-01' } });
		expect(await t.db.selectFrom('fee_rate').select('id').execute()).toHaveLength(before.length);
		const err = await meeting(member, 'Maija Jäsen', '2025-12-31').catch((e) => e);
		expect(err).toBeInstanceOf(FeeError);
		expect(err.code).toBe('noRate');
		await expect(
			meeting(member, 'M', '2026-05-05', { kind: 'travel_ticket' })
		).rejects.toMatchObject({
			code: 'unitRequired'
		});
		expect(await feesFor(t.db)).toEqual([]);
		// A rate that priced a row cannot end before that row's day.
		await meeting(member, 'Maija Jäsen', '2026-11-11', { kind: 'meeting_fee_chair' });
		const chair = (
			await t.db
				.selectFrom('fee_rate')
				.select('id')
				.where('kind', '=', 'meeting_fee_chair')
				.executeTakeFirstOrThrow()
		).id;
		await expect(
			t.db.transaction().execute((trx) => endRate(trx, admin, chair, '2026-10-31'))
		).rejects.toMatchObject({ code: 'rateInUse' });
		await t.db.transaction().execute((trx) => endRate(trx, admin, chair, '2026-12-31'));
	});

	it('closes a month: its CSV never changes; corrections become adjustments in the next open month', async () => {
		const f1 = await meeting(member, 'Maija Jäsen', '2026-10-14');
		await meeting(member, 'Maija Jäsen', '2026-10-14', { kind: 'travel_km', quantity: 24 });
		await meeting(other, 'Olli Muu', '2026-10-14', { kind: 'meeting_fee_chair' });
		await t.db.transaction().execute((trx) => closeMonth(trx, admin, '2026-10', '2026-11-05'));
		const october = await payrollCsv(t.db, '2026-10');
		expect(
			october.startsWith('\ufeffmonth;payee_id;payee_name;kind;quantity;unit_rate_eur;amount_eur;')
		).toBe(true);
		const lines = october.trim().split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines[1]).toContain(
			`2026-10;${member};Maija Jäsen;meeting_fee_member;1;60;60;council_meeting;7;2026-10-14`
		);
		expect(lines[2]).toContain(';travel_km;24;0,55;13,2;');
		// Hand count: 60 + 24 × 0,55 + 90 = 163,20 €.
		const oct = await totals(t.db, { by: 'payee' });
		expect(oct.reduce((s, r) => s + r.cents, 0)).toBe(16320);

		// Closing again, or a month still to come, is refused.
		await expect(
			t.db.transaction().execute((trx) => closeMonth(trx, admin, '2026-10', '2026-11-05'))
		).rejects.toMatchObject({ code: 'alreadyClosed' });
		await expect(
			t.db.transaction().execute((trx) => closeMonth(trx, admin, '2026-12', '2026-11-05'))
		).rejects.toMatchObject({ code: 'futureMonth' });

		// The member did not attend after all: the fee is taken back in November.
		const r = await t.db
			.transaction()
			.execute((trx) => correctFee(trx, admin, f1.id, { quantity: 0, note: 'ei paikalla' }));
		expect(r.adjustmentId).not.toBeNull();
		// A late row for October is paid in November too.
		const late = await meeting(other, 'Olli Muu', '2026-10-14', {
			kind: 'travel_km',
			quantity: 10
		});
		expect(late.month).toBe('2026-11');
		expect(await payrollCsv(t.db, '2026-10')).toBe(october);
		const nov = await feesFor(t.db, { month: '2026-11' });
		const adj = nov.find((x) => x.adjustment_of === f1.id)!;
		expect(adj).toMatchObject({
			amount_cents: -6000,
			quantity: -1,
			event_on: '2026-10-14',
			payee_name: 'Maija Jäsen'
		});
		const novCsv = await payrollCsv(t.db, '2026-11');
		expect(novCsv).toContain(`;meeting_fee_member;-1;60;-60;council_meeting;7;2026-10-14;`);
		expect(novCsv).toContain(`;${f1.id};${adj.id}\r\n`);
		// Correcting again counts what was already adjusted: only the difference is written.
		await t.db.transaction().execute((trx) => correctFee(trx, admin, f1.id, { quantity: 1 }));
		const mine = await totals(t.db, { by: 'payee', payeeUserId: member });
		expect(mine[0].cents).toBe(6000 + 1320);
		// In an open month the row itself changes.
		await t.db.transaction().execute((trx) => correctFee(trx, admin, late.id, { quantity: 20 }));
		expect((await feesFor(t.db, { id: late.id }))[0].amount_cents).toBe(1100);
		expect(await payrollCsv(t.db, '2026-10')).toBe(october);
	});

	it('lets a payee report a correction on their own rows only', async () => {
		const mine = await meeting(member, 'Maija Jäsen', '2026-11-11');
		const theirs = await meeting(other, 'Olli Muu', '2026-11-11');
		await reportCorrection(t.db, member, { feeId: mine.id, body: 'Matka puuttuu' });
		await expect(
			reportCorrection(t.db, member, { feeId: theirs.id, body: 'x' })
		).rejects.toMatchObject({ code: 'notYours' });
		expect(await t.db.selectFrom('fee_correction').select('id').execute()).toHaveLength(1);
		expect((await feesFor(t.db, { payeeUserId: member })).map((r) => r.id)).toEqual([mine.id]);
	});
});
