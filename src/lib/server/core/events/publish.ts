/**
 * Publishing an event is writing a row of the event outbox with the caller's transaction: the
 * event commits or rolls back together with the change it reports, so a crash after the commit
 * cannot lose it and a rolled-back change never announces anything. The delivery loop
 * (delivery.ts) hands it to the handlers afterwards.
 */
import type { Tx } from '../db/database';
import type { EventMap, EventName } from './event-map';

/**
 * Takes a transaction, not the root handle (the type refuses `db`): open one in the service
 * that makes the change, even for a single statement.
 */
export async function publish<K extends EventName>(
	trx: Tx,
	name: K,
	payload: EventMap[K]
): Promise<void> {
	await trx
		.insertInto('event_outbox')
		.values({ name, payload: JSON.stringify(payload) })
		.execute();
}
