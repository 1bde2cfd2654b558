/**
 * Route and hook tests without a built server: the app's own runtime on an in-memory PGlite
 * database (no demo data, no workers), and request events shaped the way SvelteKit passes them.
 * The services themselves are tested on both backends elsewhere; this covers the user's path.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../../src/lib/server/core/auth/roles';

export async function testRuntime() {
	process.env.DATABASE_URL = '';
	process.env.PGLITE_DATA_DIR = 'memory://';
	process.env.DEMO_DATA = '0';
	process.env.MAIL_WORKER = '0';
	process.env.BACKGROUND_JOBS = '0';
	process.env.ORIGIN ??= 'http://portal.test';
	const { runtime } = await import('../../src/lib/server/runtime');
	return runtime();
}

export interface FakeCookies extends Cookies {
	jar: Map<string, string>;
}

export function fakeCookies(initial: Record<string, string> = {}): FakeCookies {
	const jar = new Map(Object.entries(initial));
	return {
		jar,
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => void jar.set(name, value),
		delete: (name) => void jar.delete(name),
		serialize: (name, value) => `${name}=${value}`
	};
}

export interface EventInput {
	method?: string;
	path: string;
	routeId?: string | null;
	params?: Record<string, string>;
	form?: Record<string, string>;
	user?: SessionUser | null;
	ip?: string;
	cookies?: Record<string, string>;
	origin?: string;
}

export function fakeEvent(input: EventInput): RequestEvent & { cookies: FakeCookies } {
	const origin = input.origin ?? 'http://portal.test';
	const url = new URL(input.path, origin);
	const method = input.method ?? (input.form ? 'POST' : 'GET');
	const body = input.form ? new URLSearchParams(input.form) : undefined;
	const request = new Request(url, {
		method,
		body,
		headers: body ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {}
	});
	const ip = input.ip ?? '10.0.0.1';
	return {
		request,
		url,
		params: input.params ?? {},
		route: { id: input.routeId ?? null },
		cookies: fakeCookies(input.cookies),
		locals: {
			user: input.user ?? null,
			sessionId: null,
			locale: 'fi',
			clientIp: ip
		},
		getClientAddress: () => ip,
		fetch,
		platform: undefined,
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		tracing: { enabled: false, root: undefined, current: undefined },
		depends: () => {}
	} as unknown as RequestEvent & { cookies: FakeCookies };
}

/** Runs a load, action or endpoint; a thrown redirect or error comes back as a value. */
export async function settle<T>(
	fn: () => Promise<T> | T
): Promise<
	| { kind: 'value'; value: T }
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number; message: string }
> {
	const { isRedirect, isHttpError } = await import('@sveltejs/kit');
	try {
		return { kind: 'value', value: await fn() };
	} catch (e) {
		if (isRedirect(e)) return { kind: 'redirect', status: e.status, location: e.location };
		if (isHttpError(e)) return { kind: 'error', status: e.status, message: e.body.message };
		throw e;
	}
}
