/**
 * Child process for the event crash and multi-process tests (tests/integration/core/
 * events-crash.spec.ts), run with `node --import tsx`. The target is a PostgreSQL URL or
 * `pglite:<folder>`. Modes:
 * - `commit`: commits a change (a new account) with its event, prints `committed <event id>`,
 *   then waits to be killed: no delivery runs.
 * - `hang`: runs the delivery loop (1 s lease) with a handler that writes its effect, prints
 *   `in-handler <event id>` before its transaction commits, and never returns: killed there.
 * - `drain`: runs the delivery loop until no event is left undelivered, then stops cleanly.
 * - `serve <worker>`: runs the delivery loop until SIGTERM, noting which worker handled what.
 * Every handler writes `test_effect (event_id, worker)` with the delivery's transaction.
 */
import { sql } from 'kysely';
import { createDatabase, type Tx } from '../../src/lib/server/core/db/database';
import { migrateToLatest } from '../../src/lib/server/core/db/migrations';
import { migrationsFromDisk } from '../../src/lib/server/core/db/migrations-from-disk';
import {
	defineHandler,
	publish,
	startEventDelivery,
	type EventHandler
} from '../../src/lib/server/core/events';

const [mode, target, worker = mode] = process.argv.slice(2);
const db = await createDatabase(
	target.startsWith('pglite:')
		? { pgliteDataDir: target.slice('pglite:'.length) }
		: { databaseUrl: target, poolSize: 4 }
);
await migrateToLatest(db, await migrationsFromDisk());
await sql`create table if not exists test_effect (event_id bigint not null, worker text not null)`.execute(
	db
);

// A timer keeps the process alive while it waits (an in-process PGlite holds no handle).
const forever = () => new Promise<never>(() => setInterval(() => {}, 60_000));
const say = (line: string) => process.stdout.write(`${line}\n`);

async function recordEffect(trx: Tx, eventId: number) {
	await sql`insert into test_effect (event_id, worker) values (${eventId}, ${worker})`.execute(trx);
}

function handler(after?: (eventId: number) => Promise<void>): EventHandler {
	return defineHandler({
		id: 'test.effect',
		event: 'user.registered',
		async handle(trx, _payload, e) {
			await recordEffect(trx, e.eventId);
			await after?.(e.eventId);
		}
	});
}

async function undelivered(): Promise<number> {
	const r = await db
		.selectFrom('event_outbox')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('delivered_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

if (mode === 'commit') {
	const id = await db.transaction().execute(async (trx) => {
		const user = await trx
			.insertInto('app_user')
			.values({ email: `crash-${Date.now()}@example.fi`, display_name: 'Crash' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await publish(trx, 'user.registered', { userId: user.id });
		const row = await trx
			.selectFrom('event_outbox')
			.select('id')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		return row.id;
	});
	say(`committed ${id}`);
	await forever();
} else if (mode === 'hang') {
	startEventDelivery(
		db,
		[
			handler(async (eventId) => {
				say(`in-handler ${eventId}`);
				await forever();
			})
		],
		{ pollMs: 50, leaseSeconds: 1 }
	);
	await forever();
} else if (mode === 'drain') {
	const delivery = startEventDelivery(db, [handler()], { pollMs: 100 });
	while ((await undelivered()) > 0) await new Promise((r) => setTimeout(r, 100));
	await delivery.stop();
	await db.destroy();
	say('drained');
} else if (mode === 'serve') {
	const delivery = startEventDelivery(
		db,
		// A little work per event, so that the two workers' batches interleave.
		[handler(() => new Promise((r) => setTimeout(r, 3)))],
		{ pollMs: 20, batchSize: 10 }
	);
	process.once('SIGTERM', () => {
		void delivery
			.stop()
			.then(() => db.destroy())
			.then(() => {
				say('stopped');
				process.exit(0);
			});
	});
	say('ready');
	await forever();
} else {
	throw new Error(`unknown mode ${mode}`);
}
