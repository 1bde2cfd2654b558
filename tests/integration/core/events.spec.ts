/**
 * The durable events (core/events) on both backends: an event is written in the transaction of
 * its change, reaches every handler at least once, a failing handler is retried with backoff
 * while one that succeeded is not run again, and a handler's writes commit with its record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import {
	defineHandler,
	deliverEventBatch,
	publish,
	startEventDelivery,
	type EventHandler
} from '../../../src/lib/server/core/events';
import { confirmEmail, signUp } from '../../../src/lib/server/core/auth';
import { purgeExpired } from '../../../src/lib/server/core/retention';
import type { Tx } from '../../../src/lib/server/core/db/database';

const ORIGIN = 'http://portal.test';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A handler's database effect, in a table only this test has. */
async function recordEffect(trx: Tx, eventId: number, handler: string) {
	await sql`insert into test_effect (event_id, handler) values (${eventId}, ${handler})`.execute(
		trx
	);
}

async function effects(t: TestDb) {
	const { rows } = await sql<{
		event_id: number;
		handler: string;
	}>`select event_id, handler from test_effect order by event_id, handler`.execute(t.db);
	return rows.map((r) => `${r.event_id}:${r.handler}`);
}

async function newUser(trx: Tx, email: string) {
	return trx
		.insertInto('app_user')
		.values({ email, display_name: 'X' })
		.returning('id')
		.executeTakeFirstOrThrow();
}

describe.each(BACKENDS)('durable events on %s', (backend) => {
	let t: TestDb;
	beforeEach(async () => {
		t = await createTestDb(backend);
		await sql`create table test_effect (event_id bigint not null, handler text not null)`.execute(
			t.db
		);
	});
	afterEach(() => t.close());

	it('writes the event with the change: a service commits both, a rollback leaves neither', async () => {
		await signUp(t.db, ORIGIN, {
			email: 'uusi@example.fi',
			password: 'salasana-123',
			displayName: 'U',
			locale: 'fi'
		});
		const user = await t.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
		const events = await t.db.selectFrom('event_outbox').select(['name', 'payload']).execute();
		expect(events).toEqual([{ name: 'user.registered', payload: { userId: user.id } }]);

		// Confirming writes its event in the confirming transaction; a used link writes none.
		const mail = await t.db.selectFrom('mail_outbox').select('text_body').executeTakeFirstOrThrow();
		const token = /\/auth\/confirm\/(\S+)/.exec(mail.text_body)![1];
		expect((await confirmEmail(t.db, token)).ok).toBe(true);
		expect((await confirmEmail(t.db, token)).ok).toBe(false);
		// A second sign-up with the address mails the owner and announces nothing.
		await signUp(t.db, ORIGIN, {
			email: 'uusi@example.fi',
			password: 'salasana-456',
			displayName: 'U',
			locale: 'fi'
		});
		const names = await t.db.selectFrom('event_outbox').select('name').orderBy('id').execute();
		expect(names.map((e) => e.name)).toEqual(['user.registered', 'user.email_confirmed']);

		// A change that fails after publishing rolls its event back with it.
		await expect(
			t.db.transaction().execute(async (trx) => {
				const u = await newUser(trx, 'peruttu@example.fi');
				await publish(trx, 'user.registered', { userId: u.id });
				throw new Error('the change fails');
			})
		).rejects.toThrow('the change fails');
		expect(await t.db.selectFrom('event_outbox').select('id').execute()).toHaveLength(2);
		const gone = await t.db
			.selectFrom('app_user')
			.select('id')
			.where('email', '=', 'peruttu@example.fi')
			.execute();
		expect(gone).toHaveLength(0);
	});

	it('retries a failing handler with backoff and does not run again the one that succeeded', async () => {
		const calls = { ok: 0, flaky: 0 };
		const handlers: EventHandler[] = [
			defineHandler({
				id: 'test.ok',
				event: 'user.registered',
				async handle(trx, _payload, e) {
					calls.ok++;
					await recordEffect(trx, e.eventId, 'ok');
				}
			}),
			defineHandler({
				id: 'test.flaky',
				event: 'user.registered',
				async handle(trx, _payload, e) {
					calls.flaky++;
					// Writes first, then fails: the write must roll back with the failure.
					await recordEffect(trx, e.eventId, 'flaky');
					if (calls.flaky === 1) throw new Error('downstream not ready');
				}
			})
		];
		const id = await t.db.transaction().execute(async (trx) => {
			const u = await newUser(trx, 'a@example.fi');
			await publish(trx, 'user.registered', { userId: u.id });
			return (await trx.selectFrom('event_outbox').select('id').executeTakeFirstOrThrow()).id;
		});

		const log: unknown[][] = [];
		const error = console.error;
		console.error = (...args: unknown[]) => void log.push(args);
		let first;
		try {
			first = await deliverEventBatch(t.db, handlers);
		} finally {
			console.error = error;
		}
		expect(first).toEqual({ claimed: 1, delivered: 0, failed: 1 });
		expect(calls).toEqual({ ok: 1, flaky: 1 });
		// The log names the event and the handler, never the payload.
		expect(log).toEqual([
			[
				`event user.registered #${id}: handler test.flaky failed (attempt 1):`,
				'downstream not ready'
			]
		]);
		expect(await effects(t)).toEqual([`${id}:ok`]);
		const handled = () =>
			t.db
				.selectFrom('event_handled')
				.select('handler_id')
				.where('event_id', '=', id)
				.orderBy('handler_id')
				.execute()
				.then((rows) => rows.map((r) => r.handler_id));
		expect(await handled()).toEqual(['test.ok']);
		const waiting = await t.db
			.selectFrom('event_outbox')
			.select([
				'attempts',
				'last_error',
				'delivered_at',
				sql<number>`extract(epoch from next_attempt_at - now())`.as('retryIn')
			])
			.executeTakeFirstOrThrow();
		expect(waiting).toMatchObject({
			attempts: 1,
			last_error: 'test.flaky: downstream not ready',
			delivered_at: null
		});
		// First backoff: 5 s.
		expect(Number(waiting.retryIn)).toBeGreaterThan(3);
		expect(Number(waiting.retryIn)).toBeLessThanOrEqual(5);

		// Not due yet: nothing is claimed.
		expect((await deliverEventBatch(t.db, handlers)).claimed).toBe(0);
		// When the backoff is over, only the failed handler runs again.
		await t.db
			.updateTable('event_outbox')
			.set({ next_attempt_at: sql`now() - interval '1 second'` })
			.execute();
		expect(await deliverEventBatch(t.db, handlers)).toEqual({
			claimed: 1,
			delivered: 1,
			failed: 0
		});
		expect(calls).toEqual({ ok: 1, flaky: 2 });
		expect(await effects(t)).toEqual([`${id}:flaky`, `${id}:ok`]);
		expect(await handled()).toEqual(['test.flaky', 'test.ok']);
		const done = await t.db
			.selectFrom('event_outbox')
			.select(['attempts', 'last_error', 'delivered_at'])
			.executeTakeFirstOrThrow();
		expect(done.attempts).toBe(2);
		expect(done.last_error).toBeNull();
		expect(done.delivered_at).toBeInstanceOf(Date);
		// Delivered: never claimed again.
		await t.db
			.updateTable('event_outbox')
			.set({ next_attempt_at: sql`now() - interval '1 second'` })
			.execute();
		expect((await deliverEventBatch(t.db, handlers)).claimed).toBe(0);
		expect(calls).toEqual({ ok: 1, flaky: 2 });
	});

	it('hands each handler only its own events, typed, with the event context', async () => {
		const seen: string[] = [];
		const handlers: EventHandler[] = [
			defineHandler({
				id: 'test.registered',
				event: 'user.registered',
				handle: async (_trx, p, e) => void seen.push(`registered ${p.userId} ${e.attempt}`)
			}),
			defineHandler({
				id: 'test.confirmed',
				event: 'user.email_confirmed',
				handle: async (_trx, p, e) =>
					void seen.push(`confirmed ${p.userId} ${e.name} ${e.publishedAt instanceof Date}`)
			})
		];
		await t.db.transaction().execute(async (trx) => {
			const u = await newUser(trx, 'b@example.fi');
			await publish(trx, 'user.registered', { userId: u.id });
			await publish(trx, 'user.email_confirmed', { userId: u.id });
			// No handler: delivered at once.
			await publish(trx, 'user.erased', { userId: u.id });
		});
		const u = await t.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
		expect(await deliverEventBatch(t.db, handlers)).toEqual({
			claimed: 3,
			delivered: 3,
			failed: 0
		});
		expect(seen).toEqual([`registered ${u.id} 1`, `confirmed ${u.id} user.email_confirmed true`]);
	});

	it('two delivery loops on one database handle each event once', async () => {
		const count = 60;
		await t.db.transaction().execute(async (trx) => {
			const u = await newUser(trx, 'c@example.fi');
			for (let i = 0; i < count; i++) await publish(trx, 'user.registered', { userId: u.id });
		});
		const byLoop = { a: 0, b: 0 };
		const handlerFor = (loop: 'a' | 'b'): EventHandler =>
			defineHandler({
				id: 'test.count',
				event: 'user.registered',
				async handle(trx, _p, e) {
					byLoop[loop]++;
					await recordEffect(trx, e.eventId, 'count');
					await sleep(2);
				}
			});
		const opts = { pollMs: 20, batchSize: 5 };
		const a = startEventDelivery(t.db, [handlerFor('a')], opts);
		const b = startEventDelivery(t.db, [handlerFor('b')], opts);
		const pending = () =>
			t.db
				.selectFrom('event_outbox')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('delivered_at', 'is', null)
				.executeTakeFirstOrThrow()
				.then((r) => Number(r.n));
		for (let i = 0; i < 300 && (await pending()) > 0; i++) await sleep(50);
		await Promise.all([a.stop(), b.stop()]);
		expect(await pending()).toBe(0);
		const rows = await effects(t);
		expect(rows).toHaveLength(count);
		expect(new Set(rows).size).toBe(count);
		expect(byLoop.a + byLoop.b).toBe(count);
	});

	it.runIf(backend === 'postgres')(
		'a loop never takes an event whose handler another loop is still running, lease over or not',
		async () => {
			const id = await t.db.transaction().execute(async (trx) => {
				const u = await newUser(trx, 'd@example.fi');
				await publish(trx, 'user.registered', { userId: u.id });
				return (await trx.selectFrom('event_outbox').select('id').executeTakeFirstOrThrow()).id;
			});
			let release!: () => void;
			const released = new Promise<void>((r) => (release = r));
			let entered!: () => void;
			const inside = new Promise<void>((r) => (entered = r));
			let runs = 0;
			const slow = defineHandler({
				id: 'test.slow',
				event: 'user.registered',
				async handle(trx, _p, e) {
					runs++;
					await recordEffect(trx, e.eventId, 'slow');
					entered();
					await released;
				}
			});
			// A 1-second lease: the first loop's claim runs out while its handler still works. The
			// handler's record references the event row (a key-share lock until it commits), which
			// the claim's FOR UPDATE SKIP LOCKED passes over.
			const first = deliverEventBatch(t.db, [slow], { leaseSeconds: 1 });
			await inside;
			await sleep(1200);
			expect(await deliverEventBatch(t.db, [slow])).toEqual({
				claimed: 0,
				delivered: 0,
				failed: 0
			});
			release();
			expect(await first).toEqual({ claimed: 1, delivered: 1, failed: 0 });
			expect(runs).toBe(1);
			expect(await effects(t)).toEqual([`${id}:slow`]);
		}
	);

	it('a loop that died after a handler committed but before marking the event runs nothing again', async () => {
		let runs = 0;
		const handler = defineHandler({
			id: 'test.once',
			event: 'user.registered',
			async handle(trx, _p, e) {
				runs++;
				await recordEffect(trx, e.eventId, 'once');
			}
		});
		const id = await t.db.transaction().execute(async (trx) => {
			const u = await newUser(trx, 'f@example.fi');
			await publish(trx, 'user.registered', { userId: u.id });
			return (await trx.selectFrom('event_outbox').select('id').executeTakeFirstOrThrow()).id;
		});
		await deliverEventBatch(t.db, [handler]);
		// What such a loop leaves: the handler's record and writes, the event not marked, its
		// lease over.
		await t.db
			.updateTable('event_outbox')
			.set({ delivered_at: null, next_attempt_at: sql`now() - interval '1 second'` })
			.execute();
		expect(await deliverEventBatch(t.db, [handler])).toEqual({
			claimed: 1,
			delivered: 1,
			failed: 0
		});
		expect(runs).toBe(1);
		expect(await effects(t)).toEqual([`${id}:once`]);
	});

	it('the core retention job purges delivered events after the outbox period, never pending ones', async () => {
		await t.db.transaction().execute(async (trx) => {
			const u = await newUser(trx, 'e@example.fi');
			for (let i = 0; i < 3; i++) await publish(trx, 'user.registered', { userId: u.id });
		});
		const handler = defineHandler({
			id: 'test.noop',
			event: 'user.registered',
			handle: async () => {}
		});
		await deliverEventBatch(t.db, [handler], { batchSize: 2 });
		const [old, recent, pending] = (
			await t.db.selectFrom('event_outbox').select('id').orderBy('id').execute()
		).map((r) => r.id);
		await t.db
			.updateTable('event_outbox')
			.set({ delivered_at: sql`now() - interval '31 days'` })
			.where('id', '=', old)
			.execute();
		await t.db
			.updateTable('event_outbox')
			.set({ created_at: sql`now() - interval '60 days'` })
			.where('id', '=', pending)
			.execute();
		const result = await purgeExpired(t.db, { outboxRetentionDays: 30 });
		expect(result.events).toBe(1);
		const left = await t.db.selectFrom('event_outbox').select('id').orderBy('id').execute();
		expect(left.map((r) => r.id)).toEqual([recent, pending]);
		const handled = await t.db.selectFrom('event_handled').select('event_id').execute();
		expect(handled.map((r) => r.event_id)).toEqual([recent]);
	});
});
