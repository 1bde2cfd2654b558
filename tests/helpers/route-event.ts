/**
 * Calls a route's own load or action the way SvelteKit does, with a signed-in user in locals,
 * so the tests go through the route's form parsing and not around it. Each test file points the
 * route's `runtime()` at its test database with:
 *
 *   const rt = vi.hoisted(() => ({ current: undefined as unknown }));
 *   vi.mock('$lib/server/runtime', () => ({ runtime: async () => rt.current }));
 */
import type { RoleGrant, SessionUser } from '../../src/lib/server/core/auth/roles';
import type { Locale } from '../../src/lib/i18n';

export function user(id: string, roles: RoleGrant[]): SessionUser {
	return { id, email: `${id}@example.test`, displayName: 'Test', locale: 'fi', roles };
}

export function grant(role: RoleGrant['role'], unitId: number | null = null): RoleGrant {
	return { role, serviceLineId: null, unitId };
}

interface EventInit {
	user: SessionUser | null;
	params?: Record<string, string>;
	locale?: Locale;
}

function locals(init: EventInit): App.Locals {
	return { user: init.user, sessionId: null, locale: init.locale ?? 'fi', clientIp: '127.0.0.1' };
}

/** A GET event for a load function. */
export function loadEvent(url: string, init: EventInit) {
	const u = new URL(url, 'http://portal.test');
	return {
		url: u,
		params: init.params ?? {},
		locals: locals(init),
		request: new Request(u),
		setHeaders: () => {},
		depends: () => {},
		parent: async () => ({}),
		untrack: <T>(fn: () => T) => fn()
	};
}

/** A POST event carrying the fields as the browser's form submit sends them. */
export function formEvent(url: string, fields: [string, string | Blob][], init: EventInit) {
	const u = new URL(url, 'http://portal.test');
	const body = new FormData();
	for (const [k, v] of fields) body.append(k, v);
	return {
		url: u,
		params: init.params ?? {},
		locals: locals(init),
		request: new Request(u, { method: 'POST', body }),
		cookies: { get: () => undefined, set: () => {}, delete: () => {} },
		setHeaders: () => {}
	};
}

/** What a load or action returned, or what it threw (a redirect or an HTTP error). */
export async function outcome(p: Promise<unknown> | unknown): Promise<unknown> {
	try {
		return await p;
	} catch (e) {
		return e;
	}
}
