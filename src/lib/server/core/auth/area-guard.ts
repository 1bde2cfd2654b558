/** Enforces the area rule (access-policy.ts) from an area's +layout.server.ts, for page loads. */
import { error, redirect } from '@sveltejs/kit';
import { decide, type AccessPolicy } from './access-policy';
import { signInUrl } from './guard';

export function enforceArea(
	event: { route: { id: string | null }; locals: App.Locals; url: URL },
	policy: AccessPolicy
) {
	if (!event.route.id) return;
	const decision = decide(policy.requirementFor(event.route.id), event.locals.user);
	if (decision === 'sign-in') redirect(303, signInUrl(event.url));
	if (decision === 'forbidden') error(403, 'forbidden');
}
