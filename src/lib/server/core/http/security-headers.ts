/** Response headers every answer gets from hooks.server.ts. */

/** Areas whose pages and exports hold personal data (their CSV/JSON exports live under them). */
const PERSONAL_AREAS = ['/account', '/staff', '/admin'];

export function isPersonalArea(pathname: string): boolean {
	return PERSONAL_AREAS.some((a) => pathname === a || pathname.startsWith(`${a}/`));
}

export function applySecurityHeaders(
	headers: Headers,
	ctx: { pathname: string; signedIn: boolean; hstsMaxAge: number }
): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	// Whatever a signed-in person sees (a name in the header at least) and anything from the
	// personal areas must not stay in a shared computer's cache or a proxy.
	if (ctx.signedIn || isPersonalArea(ctx.pathname)) headers.set('Cache-Control', 'no-store');
	if (ctx.hstsMaxAge > 0)
		headers.set('Strict-Transport-Security', `max-age=${Math.floor(ctx.hstsMaxAge)}`);
}
