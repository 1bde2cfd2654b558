/** Input schemas for the account forms (see $lib/validation for how messages work). */
import { emailField, int4Id, passwordField, textField, z } from '$lib/validation';
import { ROLES } from './roles';

export const signInSchema = z.object({
	email: emailField,
	password: z.string().min(1, { error: 'validation.required' }).max(200)
});

export const signUpSchema = z
	.object({
		displayName: textField(100),
		email: emailField,
		password: passwordField,
		passwordConfirm: z.string()
	})
	.refine((d) => d.password === d.passwordConfirm, {
		path: ['passwordConfirm'],
		error: 'validation.passwordMismatch'
	});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = z
	.object({ password: passwordField, passwordConfirm: z.string() })
	.refine((d) => d.password === d.passwordConfirm, {
		path: ['passwordConfirm'],
		error: 'validation.passwordMismatch'
	});

export const changePasswordSchema = z
	.object({
		currentPassword: z.string().min(1, { error: 'validation.required' }).max(200),
		password: passwordField,
		passwordConfirm: z.string()
	})
	.refine((d) => d.password === d.passwordConfirm, {
		path: ['passwordConfirm'],
		error: 'validation.passwordMismatch'
	});

const roleField = z.enum(ROLES, { error: 'validation.invalidRole' });

export const createStaffSchema = z.object({
	displayName: textField(100),
	email: emailField,
	roles: z.array(roleField).min(1, { error: 'validation.invalidRole' }).default(['staff'])
});

/** Scope is `all`, `line:<id>` or `unit:<id>`. */
export const grantRoleSchema = z.object({
	role: roleField,
	scope: z
		.string()
		.regex(/^(all|line:\d{1,9}|unit:\d{1,9})$/, { error: 'validation.invalid' })
		.default('all')
});

/** The revoke button of one of a person's roles. */
export const revokeRoleSchema = z.object({ roleId: int4Id() });

export function parseScope(scope: string): { serviceLineId: number | null; unitId: number | null } {
	const [kind, id] = scope.split(':');
	if (kind === 'line') return { serviceLineId: Number(id), unitId: null };
	if (kind === 'unit') return { serviceLineId: null, unitId: Number(id) };
	return { serviceLineId: null, unitId: null };
}
