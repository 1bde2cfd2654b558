import { describe, expect, it } from 'vitest';
import { defineHandler, handlersByEvent, type EventHandler } from './handlers';
import { eventRetryDelaySeconds } from './delivery';

const noop = async () => {};

describe('event handlers', () => {
	it('groups handlers by event in registration order', () => {
		const handlers: EventHandler[] = [
			defineHandler({ id: 'a.one', event: 'user.registered', handle: noop }),
			defineHandler({ id: 'b.two', event: 'user.erased', handle: noop }),
			defineHandler({ id: 'c.three', event: 'user.registered', handle: noop })
		];
		const byEvent = handlersByEvent(handlers);
		expect(byEvent.get('user.registered')?.map((h) => h.id)).toEqual(['a.one', 'c.three']);
		expect(byEvent.get('user.erased')?.map((h) => h.id)).toEqual(['b.two']);
		expect(byEvent.get('user.email_confirmed')).toBeUndefined();
	});

	it('refuses a handler id used twice, or one without a module prefix, naming it', () => {
		const twice: EventHandler[] = [
			defineHandler({ id: 'impact.record', event: 'user.registered', handle: noop }),
			defineHandler({ id: 'impact.record', event: 'user.erased', handle: noop })
		];
		expect(() => handlersByEvent(twice)).toThrow('"impact.record" is registered twice');
		expect(() =>
			handlersByEvent([defineHandler({ id: 'record', event: 'user.erased', handle: noop })])
		).toThrow('"record" must look like "<module>.<name>"');
	});

	it('backs off 5 s, 10 s, 20 s … up to an hour', () => {
		expect([1, 2, 3, 4].map(eventRetryDelaySeconds)).toEqual([5, 10, 20, 40]);
		expect(eventRetryDelaySeconds(30)).toBe(3600);
	});
});
