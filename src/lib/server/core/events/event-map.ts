/**
 * The events modules exchange, by name, with their payloads (immich's EventMap). Core declares
 * only its own events; each module adds its events to this interface by module augmentation in
 * its `<module>.events.ts`, so core never imports a module:
 *
 * ```ts
 * declare module '../core/events' {
 * 	interface EventMap {
 * 		'pool.member_confirmed': { memberId: string };
 * 	}
 * }
 * ```
 *
 * Payloads are stored as JSON (`event_outbox.payload`) and handed to handlers as parsed JSON:
 * ids, strings, numbers and booleans only, no `Date` (send an ISO string). They are kept for the
 * retention period, so they carry ids, never names, addresses or free text.
 */
export interface EventMap {
	'user.registered': { userId: string };
	'user.email_confirmed': { userId: string };
	'user.erased': { userId: string };
}

export type EventName = keyof EventMap;
