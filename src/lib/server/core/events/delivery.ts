/**
 * Delivers the event outbox to the handlers, at least once (the mail worker's pattern,
 * core/mail/mail-worker.ts). A batch of due events is claimed with FOR UPDATE SKIP LOCKED and
 * leased for a while, so several loops on one PostgreSQL never take the same event at once and a
 * crashed loop's events come back when the lease ends. PGlite has one connection and runs one
 * statement at a time, where the same SQL simply finds nothing locked.
 *
 * Each handler runs in its own transaction, which first inserts the (event, handler) row of
 * `event_handled`: a handler that succeeded is never run again for that event, even when another
 * handler of the event fails and the event is retried, and a handler whose transaction did not
 * commit (it threw, or the process died) runs again on the next delivery. While that transaction
 * is open, the record's foreign key holds a key-share lock on the event row, which another loop's
 * claim (FOR UPDATE SKIP LOCKED) passes over even when the lease has run out. Should two loops
 * still reach the same (event, handler) (a lease ran out between two handlers of a long batch),
 * the second insert waits for the first transaction and finds the row: database writes happen once.
 * An event is marked delivered when every handler registered for it has handled it; a failure
 * leaves it pending, retried with a backoff of 5 s, 10 s, 20 s … capped at an hour. There is no
 * last attempt: an event a handler cannot take waits (logged at each try) until a fixed handler
 * is deployed, since the modules that listen (the impact tracker) must not silently miss one.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import type { EventName } from './event-map';
import { pollingDrain } from '../batch/polling-drain';
import { handlersByEvent, type EventContext, type EventHandler } from './handlers';

/** Long enough for any sane handler; a loop that dies holds its events this long at most. */
const LEASE_S = 120;
const BATCH_SIZE = 100;

/** Backoff after the n-th failed delivery of an event: 5 s, 10 s, 20 s … capped at 1 h. */
export function eventRetryDelaySeconds(attempts: number): number {
	return Math.min(5 * 2 ** (attempts - 1), 3600);
}

export interface EventBatchResult {
	claimed: number;
	/** Events every handler has now handled. */
	delivered: number;
	/** Events left for a retry because at least one handler failed. */
	failed: number;
}

export interface EventBatchOptions {
	/** Events claimed per batch (default 100). */
	batchSize?: number;
	/** How long a claim holds its events (default 120 s); tests of a crashed loop shorten it. */
	leaseSeconds?: number;
}

type Handle = (trx: Tx, payload: unknown, e: EventContext) => Promise<void>;

/** Claims one batch of due events and runs their handlers; returns what became of them. */
export async function deliverEventBatch(
	db: Db,
	handlers: readonly EventHandler[] | Map<string, EventHandler[]>,
	opts: EventBatchOptions = {}
): Promise<EventBatchResult> {
	const byEvent = handlers instanceof Map ? handlers : handlersByEvent(handlers);
	const lease = opts.leaseSeconds ?? LEASE_S;
	const rows = await db
		.updateTable('event_outbox')
		.set({
			attempts: sql`attempts + 1`,
			next_attempt_at: sql`now() + make_interval(secs => ${lease})`
		})
		.where(
			'id',
			'in',
			db
				.selectFrom('event_outbox')
				.select('id')
				.where('delivered_at', 'is', null)
				.where('next_attempt_at', '<=', sql<Date>`now()`)
				.orderBy('id')
				.limit(opts.batchSize ?? BATCH_SIZE)
				.forUpdate()
				.skipLocked()
		)
		.returning(['id', 'name', 'payload', 'created_at', 'attempts'])
		.execute();
	if (rows.length === 0) return { claimed: 0, delivered: 0, failed: 0 };
	rows.sort((a, b) => a.id - b.id);

	// What earlier deliveries already did: those handlers are skipped without a transaction.
	const done = await db
		.selectFrom('event_handled')
		.select(['event_id', 'handler_id'])
		.where(
			'event_id',
			'in',
			rows.map((r) => r.id)
		)
		.execute();
	const handled = new Set(done.map((d) => `${d.event_id} ${d.handler_id}`));

	const delivered: number[] = [];
	let failed = 0;
	for (const row of rows) {
		const context: EventContext = {
			eventId: row.id,
			name: row.name as EventName,
			publishedAt: row.created_at,
			attempt: row.attempts
		};
		const errors: string[] = [];
		for (const h of byEvent.get(row.name) ?? []) {
			if (handled.has(`${row.id} ${h.id}`)) continue;
			try {
				await db.transaction().execute(async (trx) => {
					const first = await trx
						.insertInto('event_handled')
						.values({ event_id: row.id, handler_id: h.id })
						.onConflict((oc) => oc.columns(['event_id', 'handler_id']).doNothing())
						.returning('event_id')
						.executeTakeFirst();
					// Another loop handled it meanwhile (its lease ran out while it worked).
					if (!first) return;
					// A crash after this call and before the commit runs the handler again: its
					// database writes roll back with the record, its other effects do not (see
					// EventHandlerDef: handlers are idempotent).
					await (h.handle as Handle)(trx, row.payload, context);
				});
			} catch (e) {
				const message = e instanceof Error ? e.message : 'unknown error';
				errors.push(`${h.id}: ${message}`);
				// The event's name and id and the handler's id: no payload, no personal data.
				console.error(
					`event ${row.name} #${row.id}: handler ${h.id} failed (attempt ${row.attempts}):`,
					message
				);
			}
		}
		if (errors.length === 0) {
			delivered.push(row.id);
			continue;
		}
		failed++;
		await db
			.updateTable('event_outbox')
			.set({
				last_error: errors.join('; ').slice(0, 500),
				next_attempt_at: sql`now() + make_interval(secs => ${eventRetryDelaySeconds(row.attempts)})`
			})
			.where('id', '=', row.id)
			.execute();
	}
	if (delivered.length) {
		await db
			.updateTable('event_outbox')
			.set({
				delivered_at: sql`now()`,
				last_error: null,
				payload: sql`case when forget_on_delivery then '{}'::jsonb else payload end`
			})
			.where('id', 'in', delivered)
			.execute();
	}
	return { claimed: rows.length, delivered: delivered.length, failed };
}

export interface EventDeliveryHandle {
	/** Finishes the batch in flight, then stops. */
	stop(): Promise<void>;
	/** Delivers now instead of at the next poll. */
	poke(): void;
}

export interface EventDeliveryOptions extends EventBatchOptions {
	/** Wait between polls when no event is due (default 1 s). */
	pollMs?: number;
}

/**
 * Starts the delivery loop: drains the due events, then polls. Called by the runtime with the
 * handlers of every module; several processes may each run one on the same database.
 */
export function startEventDelivery(
	db: Db,
	handlers: readonly EventHandler[],
	opts: EventDeliveryOptions = {}
): EventDeliveryHandle {
	// Checked here, at start: a duplicate handler id stops the server with its name.
	const byEvent = handlersByEvent(handlers);
	return pollingDrain(
		async () => (await deliverEventBatch(db, byEvent, opts)).claimed,
		opts.pollMs ?? 1000,
		'event delivery'
	);
}
