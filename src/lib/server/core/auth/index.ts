export * from './roles';
export * from './session';
export * from './account.service';
export * from './people.service';
export { hashPassword, verifyPassword } from './password';
export { identityProviders, type IdentityProvider } from './identity-provider';
