import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { joinPool, confirmMembership } from '../../../src/lib/server/pool';
import { lastLinkTo, ORIGIN, profile } from './helpers';

describe.each(BACKENDS)('pool monthly figures on %s', (backend) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
	});
	afterEach(() => vi.useRealTimers());
	afterAll(() => t.close());

	it('a member who joins at 00:30 on 1 August in Finland counts in August', async () => {
		await joinPool(t.db, ORIGIN, profile({ email: 'yo@example.fi' }));
		const token = await lastLinkTo(t.db, 'yo@example.fi', '/pool/confirm');
		// Confirmed (the moment the member counts as joined) at 00:30 Finnish summer time.
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-07-31T21:30:00Z') });
		expect(await confirmMembership(t.db, token)).toBe(true);
		const rows = await t.db
			.selectFrom('pool_stat')
			.select(['period', 'count'])
			.where('metric', '=', 'joined')
			.execute();
		expect(rows).toEqual([{ period: '2026-08', count: 1 }]);
	});
});
