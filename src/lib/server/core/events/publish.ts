/**
 * Publishing an event is writing a row of the event outbox with the caller's transaction: the
 * event commits or rolls back together with the change it reports, so a crash after the commit
 * cannot lose it and a rolled-back change never announces anything. The delivery loop
 * (delivery.ts) hands it to the handlers afterwards.
 */
import { sql } from 'kysely';
import type { Tx } from '../db/database';
import type { EventMap, EventName } from './event-map';

export interface PublishOptions {
	/**
	 * The payload names a person who is being erased (`pool.member_erased`): the handlers need the
	 * id to erase their own copies, nobody needs it afterwards, so it is emptied once delivered.
	 */
	forgetOnDelivery?: boolean;
}

/**
 * Takes a transaction, not the root handle (the type refuses `db`): open one in the service
 * that makes the change, even for a single statement.
 */
export async function publish<K extends EventName>(
	trx: Tx,
	name: K,
	payload: EventMap[K],
	opts: PublishOptions = {}
): Promise<void> {
	await trx
		.insertInto('event_outbox')
		.values({
			name,
			payload: JSON.stringify(payload),
			forget_on_delivery: opts.forgetOnDelivery ?? false
		})
		.execute();
}

/**
 * Erasure: sets `key` to null in every stored event whose payload has `key` = `value`, delivered
 * or not (as `forgetInAudit` does for the audit log). An event still waiting is then delivered
 * without the person, so what handlers count still adds up; a payload field that can be forgotten
 * is therefore typed `string | null`. Call it in the erasing transaction, before publishing the
 * erasure's own event.
 */
export async function forgetInEvents(trx: Tx, key: string, value: string): Promise<number> {
	const r = await trx
		.updateTable('event_outbox')
		.set({ payload: sql`jsonb_set(payload, array[${key}::text], 'null'::jsonb)` })
		.where(sql<boolean>`payload @> jsonb_build_object(${key}::text, ${value}::text)`)
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}
