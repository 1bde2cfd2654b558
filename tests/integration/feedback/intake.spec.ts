import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import {
	submitResponses,
	IntakeError,
	rebuildRollups,
	figures,
	publicSummary,
	type ResponseInput
} from '../../../src/lib/server/feedback';
import { addUnits } from './fixtures';

describe.each(BACKENDS)('feedback intake on %s', (backend) => {
	let t: TestDb;
	let units: Record<string, number>;
	// A fresh database per test: no test relies on what another one stored, in any order.
	beforeEach(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		units = await addUnits(t.db);
	});
	afterEach(() => t.close());

	const now = new Date('2026-11-20T10:00:00Z');
	const answer = (clientId: string, unitId: number, nps: number, extra = {}): ResponseInput => ({
		clientId,
		unitId,
		channel: 'web',
		answers: { nps, ...extra },
		answeredAt: now
	});

	it('stores a response once however often it is retried', async () => {
		const first = await submitResponses(t.db, [answer('retry-0001', units.a, 9, { s1: '4' })]);
		const again = await submitResponses(t.db, [answer('retry-0001', units.a, 9, { s1: '4' })]);
		expect(first).toEqual({ stored: 1, duplicates: 0 });
		expect(again).toEqual({ stored: 0, duplicates: 1 });
		const rows = await t.db
			.selectFrom('feedback_response')
			.select('id')
			.where('client_id', '=', 'retry-0001')
			.execute();
		expect(rows).toHaveLength(1);
		const f = await figures(t.db, { unitIds: [units.a] }, '2026-11-20', '2026-11-20');
		expect(f.responses).toBe(1);
		expect(f.counts[9]).toBe(1);
		expect(f.statementMeans[0]).toBe(4);
	});

	it('rejects a bad batch whole with per-item errors and writes nothing', async () => {
		const bad = submitResponses(t.db, [
			answer('bad-00001', units.b, 8),
			answer('bad-00002', units.b, 12)
		]);
		await expect(bad).rejects.toBeInstanceOf(IntakeError);
		await bad.catch((e: IntakeError) =>
			expect(e.details).toEqual({
				problems: [{ index: 1, errors: { nps: 'feedback.errors.npsRange' } }]
			})
		);
		const n = await t.db
			.selectFrom('feedback_response')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			// This batch's own rows: other tests may store answers for the same unit.
			.where('client_id', 'in', ['bad-00001', 'bad-00002'])
			.executeTakeFirstOrThrow();
		expect(n.n).toBe(0);
	});

	it('masks identity codes and phone numbers in open text before storing', async () => {
		await submitResponses(t.db, [
			answer('mask-0001', units.a, 7, { open: 'Olen 131052-308T, soita 040 123 4567' })
		]);
		const row = await t.db
			.selectFrom('feedback_response')
			.select('open_text')
			.where('client_id', '=', 'mask-0001')
			.executeTakeFirstOrThrow();
		expect(row.open_text).toBe('Olen [henkilötunnus], soita [puhelinnumero]');
	});

	it('masks the typed variants too: dashes, spaces, zero-width characters, new century signs', async () => {
		await submitResponses(t.db, [
			answer('mask-0002', units.a, 7, {
				open: 'A 131052–308T B 131052 308T C 1310\u200b52-308T D 010203B456R E 040.123.4567 F 040/1234567'
			})
		]);
		const row = await t.db
			.selectFrom('feedback_response')
			.select('open_text')
			.where('client_id', '=', 'mask-0002')
			.executeTakeFirstOrThrow();
		expect(row.open_text).toBe(
			'A [henkilötunnus] B [henkilötunnus] C [henkilötunnus] D [henkilötunnus] E [puhelinnumero] F [puhelinnumero]'
		);
	});

	it('public figures match a hand-computed check and respect the threshold', async () => {
		// Unit b: 30 answers: 15 promoters, 9 passives, 6 detractors → NPS = 50 − 20 = 30.
		// var = 0.5 + 0.2 − 0.09 = 0.61; se = sqrt(0.61/30) = 0.14260; CI = 30 ± 27.9
		const scores = [
			...Array(10).fill(10),
			...Array(5).fill(9),
			...Array(5).fill(8),
			...Array(4).fill(7),
			...Array(3).fill(6),
			...Array(3).fill(0)
		];
		const batch = scores.map((s, i) => answer(`hand-${String(i).padStart(4, '0')}`, units.b, s));
		await submitResponses(t.db, batch.slice(0, 29));
		let s = await publicSummary(t.db, { unitIds: [units.b] }, now, 30);
		expect(s.last30).toMatchObject({ shown: false, responses: 29, nps: null });
		await submitResponses(t.db, batch.slice(29));
		s = await publicSummary(t.db, { unitIds: [units.b] }, now, 30);
		expect(s.last30).toMatchObject({ shown: true, responses: 30, nps: 30 });
		expect(s.last30.ciLow).toBeCloseTo(2.1, 1);
		expect(s.last30.ciHigh).toBeCloseTo(57.9, 1);
		expect(s.quarter.nps).toBe(30);
		expect(s.trend).toEqual([{ month: '2026-11', figure: s.last30 }]);
	});

	it('rebuilding rollups from raw rows gives the same figures (idempotent job)', async () => {
		const before = await figures(t.db, {}, '2026-11-01', '2026-11-30');
		await rebuildRollups(t.db, '2026-11-01', '2026-11-30');
		await rebuildRollups(t.db, '2026-11-01', '2026-11-30');
		const after = await figures(t.db, {}, '2026-11-01', '2026-11-30');
		expect(after).toEqual(before);
	});
});
