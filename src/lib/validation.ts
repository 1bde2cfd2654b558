/**
 * Validation messages are i18n keys (`validation.*`), translated where they are shown, so one
 * schema serves every language. Issues without an explicit key fall back to `validation.invalid`.
 */
import { z } from 'zod';

z.config({ customError: () => 'validation.invalid' });

export { z };

export const emailField = z
	.string({ error: 'validation.required' })
	.trim()
	.min(1, { error: 'validation.required' })
	.max(254, { error: 'validation.tooLong' })
	.email({ error: 'validation.email' });

export const passwordField = z
	.string({ error: 'validation.required' })
	.min(10, { error: 'validation.passwordLength' })
	.max(200, { error: 'validation.passwordTooLong' });

export function textField(max: number, required = true) {
	const base = z
		.string({ error: 'validation.required' })
		.trim()
		.max(max, { error: 'validation.tooLong' });
	return required ? base.min(1, { error: 'validation.required' }) : base;
}
