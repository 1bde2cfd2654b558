/**
 * Durable events between modules (an outbox, like the mail outbox): `publish(trx, name, payload)`
 * writes the event in the caller's transaction; `startEventDelivery(db, handlers)` hands each
 * event to every registered handler at least once. Modules add their events to `EventMap` by
 * module augmentation (`declare module '../core/events'`); core imports no module.
 */
export type { EventMap, EventName } from './event-map';
export { publish } from './publish';
export {
	defineHandler,
	handlersByEvent,
	type EventContext,
	type EventHandler,
	type EventHandlerDef
} from './handlers';
export {
	deliverEventBatch,
	eventRetryDelaySeconds,
	startEventDelivery,
	type EventBatchOptions,
	type EventBatchResult,
	type EventDeliveryHandle,
	type EventDeliveryOptions
} from './delivery';
