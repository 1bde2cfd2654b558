/** Per-page checks on top of the area rules: call in every server load and action that needs them. */
import { error, redirect } from '@sveltejs/kit';
import { hasRole, type Role, type Scope, type SessionUser } from './roles';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

export function signInUrl(url: URL): string {
	return `/auth/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
}

export function requireUser(event: GuardEvent): SessionUser {
	if (!event.locals.user) redirect(303, signInUrl(event.url));
	return event.locals.user;
}

/** The user must hold one of the roles (for the scope, if given), else 403. */
export function requireRole(event: GuardEvent, roles: Role | Role[], scope?: Scope): SessionUser {
	const user = requireUser(event);
	const list = Array.isArray(roles) ? roles : [roles];
	if (!list.some((r) => hasRole(user, r, scope))) error(403, 'forbidden');
	return user;
}
