/**
 * A request event as SvelteKit hands it to the conversation endpoints and form actions: the
 * request, the route id, locals, the URL (query string of a link) and a cookie jar that keeps
 * what the server set, like a browser between requests.
 */
import type { Cookies } from '@sveltejs/kit';
import type { ConversationEvent } from '../../../src/lib/server/conversations';

export class CookieJar {
	readonly values = new Map<string, string>();
	asCookies(): Cookies {
		const v = this.values;
		return {
			get: (name: string) => v.get(name),
			getAll: () => [...v].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string) => void v.set(name, value),
			delete: (name: string) => void v.delete(name),
			serialize: (name: string, value: string) => `${name}=${value}`
		} as Cookies;
	}
}

let ip = 0;

export function event(opts: {
	id: string;
	/** Path and query of the page or endpoint, e.g. `/conversations/<id>?xid=…` */
	path?: string;
	json?: unknown;
	form?: Record<string, string>;
	jar?: CookieJar;
	userId?: string;
}): ConversationEvent {
	const url = new URL(opts.path ?? `/conversations/${opts.id}`, 'http://localhost');
	const request = opts.form
		? new Request(url, { method: 'POST', body: new URLSearchParams(opts.form) })
		: new Request(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(opts.json)
			});
	return {
		request,
		params: { id: opts.id },
		url,
		cookies: (opts.jar ?? new CookieJar()).asCookies(),
		locals: {
			user: opts.userId ? ({ id: opts.userId } as App.Locals['user']) : null,
			sessionId: null,
			locale: 'en',
			// A new address per request: these tests are not about the rate limits.
			clientIp: `10.9.${Math.floor(++ip / 250)}.${ip % 250}`
		}
	};
}

export const apiPath = (id: string) => `/api/conversations/${id}/votes`;
