/**
 * Seam for federated sign-in (OpenID Connect): Suomi.fi e-Identification for residents and the
 * county's Entra ID for staff. Not implemented yet; an implementation maps the provider's
 * subject to a person through the `user_identity` table and then calls `createSession`.
 */
export interface IdentityProvider {
	/** Stable id stored in user_identity.provider, e.g. 'suomifi' or 'entra'. */
	id: string;
	/** Where to send the browser to sign in; `state` and PKCE verifier are kept in cookies. */
	authorizationUrl(state: string, codeVerifier: string): URL;
	/** Exchanges the callback's code for the verified subject and e-mail. */
	handleCallback(
		code: string,
		codeVerifier: string
	): Promise<{ subject: string; email: string | null; name: string | null }>;
}

/** Registered providers; empty until OIDC sign-in is configured. */
export const identityProviders: IdentityProvider[] = [];
