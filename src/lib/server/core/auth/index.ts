/**
 * Accounts' entry points for tests and scripts that drive a whole journey (sign-up, confirm,
 * sign-in, reset). Core's own code and the modules import the file they need
 * (`core/auth/roles`, `core/auth/session`, …), which keeps this list short: no `export *`.
 */
export { signUp, confirmEmail, signIn, requestPasswordReset } from './account.service';
export { hashPassword, verifyPassword } from './password';
export { identityProviders, type IdentityProvider } from './identity-provider';
