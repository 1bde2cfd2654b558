/**
 * Event handlers: what a module registers to react to another module's (or core's) events.
 * The composition root collects them (from the module manifests) and passes the list to
 * `startEventDelivery`.
 */
import type { Tx } from '../db/database';
import type { EventMap, EventName } from './event-map';

/** What the delivery tells a handler about the event besides its payload. */
export interface EventContext {
	/** The outbox row's id: unique per event, usable as an idempotency key outside the database. */
	eventId: number;
	name: EventName;
	publishedAt: Date;
	/** 1 on the first delivery, more when the event is retried after a failure or a crash. */
	attempt: number;
}

/**
 * A handler of one event.
 *
 * Delivery is at least once, so **a handler must be idempotent**: handling the same event twice
 * must leave the same result as handling it once. What it writes to the database it writes with
 * `trx`, the transaction in which the delivery records that this handler has handled the event:
 * the record and the handler's writes commit together or not at all, so database effects happen
 * once. Anything outside the database (a mail sent directly, an HTTP call) can still happen twice:
 * a crash after the effect but before the commit runs the handler again on the next delivery.
 * Use only `trx` inside the handler, never the root `db`: on PGlite (one connection) a query on
 * `db` would wait for this very transaction forever.
 *
 * Events of different ids may be handled in any order (a failing event is retried later while
 * newer ones go on), so a handler must not rely on having seen an earlier event.
 */
export interface EventHandlerDef<K extends EventName = EventName> {
	/**
	 * Stable and unique, `<module>.<what>` (e.g. 'impact.record-answer'). It is stored with every
	 * handled event: renaming a handler makes it handle again every event not yet purged.
	 */
	id: string;
	event: K;
	handle(trx: Tx, payload: EventMap[K], event: EventContext): Promise<void>;
}

/** A handler of any one event: the element type of the lists manifests and the runtime pass. */
export type EventHandler = { [K in EventName]: EventHandlerDef<K> }[EventName];

/** Types the payload from the event name: `defineHandler({ id, event: 'user.registered', handle })`. */
export function defineHandler<K extends EventName>(def: EventHandlerDef<K>): EventHandlerDef<K> {
	return def;
}

const HANDLER_ID = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;

/**
 * Groups the handlers by event, after checking the ids: a duplicate would make two handlers
 * share one record (the second would never run), so it stops the start with the id's name.
 */
export function handlersByEvent(handlers: readonly EventHandler[]): Map<string, EventHandler[]> {
	const seen = new Set<string>();
	const out = new Map<string, EventHandler[]>();
	for (const h of handlers) {
		if (!HANDLER_ID.test(h.id))
			throw new Error(`event handler id "${h.id}" must look like "<module>.<name>"`);
		if (seen.has(h.id)) throw new Error(`event handler id "${h.id}" is registered twice`);
		seen.add(h.id);
		const list = out.get(h.event) ?? [];
		list.push(h);
		out.set(h.event, list);
	}
	return out;
}
