import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { formEvent, grant, outcome, user } from '../../helpers/route-event';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { activeMember, ORIGIN } from './helpers';

const rt = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));

const { actions } = await import('../../../src/routes/staff/pool/invitations/new/+page.server');

describe.each(BACKENDS)('the invitation form on %s', (backend) => {
	let t: TestDb;
	let coordinator: ReturnType<typeof user>;
	let member: string;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
		const id = (
			await t.db
				.insertInto('app_user')
				.values({ email: 'coord@example.fi', display_name: 'C' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		coordinator = user(id, [grant('pool_coordinator')]);
		member = await activeMember(t.db, { email: 'm@example.fi', municipality: '837' });
		rt.current = { db: t.db, config: { origin: ORIGIN } };
	});
	afterEach(() => vi.useRealTimers());
	afterAll(() => t.close());

	/** Posts the form as the coordinator's browser does, at the given moment. */
	async function post(deadline: string, now: string) {
		vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
		const event = formEvent(
			'/staff/pool/invitations/new',
			[
				['activityType', 'panel'],
				['title', `Raati ${deadline}`],
				['messageFi', 'Tervetuloa'],
				['deadline', deadline],
				['maxAccepted', ''],
				['memberIds', member]
			],
			{ user: coordinator }
		);
		return outcome(actions.default(event as never));
	}

	const storedDeadline = async (deadline: string) =>
		new Date(
			(
				await t.db
					.selectFrom('pool_invitation')
					.select('reply_deadline')
					.where('title', '=', `Raati ${deadline}`)
					.executeTakeFirstOrThrow()
			).reply_deadline
		).toISOString();

	it('a summer deadline ends at 23:59:59.999 Finnish summer time (UTC+3)', async () => {
		expect(await post('2026-07-15', '2026-06-01T09:00:00Z')).toMatchObject({ status: 303 });
		expect(await storedDeadline('2026-07-15')).toBe('2026-07-15T20:59:59.999Z');
	});

	it('a winter deadline ends at 23:59:59.999 Finnish winter time (UTC+2)', async () => {
		expect(await post('2027-01-15', '2026-12-01T09:00:00Z')).toMatchObject({ status: 303 });
		expect(await storedDeadline('2027-01-15')).toBe('2027-01-15T21:59:59.999Z');
	});

	it('the deadline day is open until its last moment in Finland; a past or unreal day is refused', async () => {
		// 23:30 Finnish summer time on the deadline day itself: still open.
		expect(await post('2026-08-10', '2026-08-10T20:30:00Z')).toMatchObject({ status: 303 });
		for (const bad of ['2026-08-09', '2026-02-30']) {
			expect(await post(bad, '2026-08-10T20:30:00Z')).toMatchObject({
				status: 400,
				data: { form: { errors: { deadline: ['validation.invalid'] } } }
			});
		}
	});
});
