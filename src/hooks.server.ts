/**
 * Every request: resolve the session and language, then apply the area access rules before any
 * load, action or endpoint runs. Started once (src/lib/server/runtime.ts, from the module manifests): database, migrations,
 * demo data, mail worker, periodic jobs.
 */
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';
import { runtime, shutdown } from '$lib/server/runtime';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/core/auth/session';
import { decide } from '$lib/server/core/auth/access-policy';
import { access } from '$lib/server/modules';
import { signInUrl } from '$lib/server/core/auth/guard';
import { LOCALE_COOKIE, negotiateLocale } from '$lib/server/core/i18n/negotiate';
import { applySecurityHeaders } from '$lib/server/core/http/security-headers';
import { brandHeadStyle } from '$lib/server/core/brand';
import { formBodyRefusal, refusalResponse } from '$lib/server/core/http/form-body';

export const init: ServerInit = async () => {
	await runtime();
	const stop = () => {
		void shutdown().finally(() => process.exit(0));
	};
	process.once('sveltekit:shutdown', stop);
};

export const handle: Handle = async ({ event, resolve }) => {
	const rt = await runtime();
	event.locals.locale = negotiateLocale(event.cookies.get(LOCALE_COOKIE));
	event.locals.clientIp = safeClientAddress(event);
	event.locals.user = null;
	event.locals.sessionId = null;

	// Every answer, refusals made here included, gets the same security and cache headers.
	const withSecurityHeaders = (response: Response): Response => {
		applySecurityHeaders(response.headers, {
			pathname: event.url.pathname,
			signedIn: !!event.locals.user,
			hstsMaxAge: rt.config.hstsMaxAge
		});
		return response;
	};

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken(rt.db, token, rt.config.sessionDays);
		if (result) {
			event.locals.user = result.user;
			event.locals.sessionId = result.session.id;
			setSessionCookie(event.cookies, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies);
		}
	}

	if (event.route.id) {
		// No route has a NUL in a code or id, and PostgreSQL refuses one in a query parameter.
		if (Object.values(event.params).some((v) => v?.includes('\u0000')))
			return withSecurityHeaders(refusalResponse(event.request, event.locals.locale, 404));
		const decision = decide(access.requirementFor(event.route.id), event.locals.user);
		if (decision === 'sign-in') {
			if (event.request.method === 'GET') redirect(303, signInUrl(event.url));
			return withSecurityHeaders(refusalResponse(event.request, event.locals.locale, 401));
		}
		// Page loads get the 403 from their area's +layout.server.ts, so the portal's own error
		// page renders; everything else (actions, endpoints) is refused here.
		if (decision === 'forbidden' && !(isRead(event.request.method) && isPageRoute(event.route.id)))
			return withSecurityHeaders(refusalResponse(event.request, event.locals.locale, 403));
		// Form actions: a body that is no readable form is refused here, not as a 500 in the action.
		if (event.request.method === 'POST' && isPageRoute(event.route.id)) {
			const refusal = await formBodyRefusal(event.request, event.locals.locale);
			if (refusal) return withSecurityHeaders(refusal);
		}
	}

	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', event.locals.locale).replace('%osallistu.brand%', brandHeadStyle())
	});
	if (event.route.id && !isPageRoute(event.route.id)) {
		const translated = endpointErrorPage(event.request, response, event.locals.locale);
		if (translated) return withSecurityHeaders(translated);
	}
	return withSecurityHeaders(response);
};

/**
 * An `error()` thrown in an endpoint (+server.ts) reaches a browser as SvelteKit's static
 * src/error.html with the developer's English text; say it in the user's language instead.
 */
function endpointErrorPage(request: Request, response: Response, locale: Locale): Response | null {
	const status = response.status;
	if (status < 400 || status >= 500) return null;
	if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return null;
	return refusalResponse(request, locale, status);
}

/**
 * A request beyond BODY_SIZE_LIMIT is cut off by SvelteKit with a bare 413 ("Payload Too Large"):
 * say it in the user's language on the portal's error page instead. Unexpected errors are
 * still logged (the error only, never the request), as SvelteKit's default does.
 */
export const handleError: HandleServerError = ({ error: e, event, status, message }) => {
	const locale = event.locals.locale ?? negotiateLocale(event.cookies.get(LOCALE_COOKIE));
	if (status === 413) return { message: translate(locale, 'core.errors.413') };
	if (status >= 500) console.error(e);
	return { message };
};

const ENDPOINT_ROUTES = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map(
		(f) => f.replace('/src/routes', '').replace(/\/\+server\.ts$/, '') || '/'
	)
);

function isPageRoute(routeId: string): boolean {
	return !ENDPOINT_ROUTES.has(routeId);
}

function isRead(method: string): boolean {
	return method === 'GET' || method === 'HEAD';
}

function safeClientAddress(event: Parameters<Handle>[0]['event']): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
