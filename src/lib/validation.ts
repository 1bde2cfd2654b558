/**
 * Validation messages are i18n keys (`validation.*`), translated where they are shown, so one
 * schema serves every language. Issues without an explicit key fall back to `validation.invalid`.
 */
import { z } from 'zod';
import { INT4_MAX } from './ids';

z.config({ customError: () => 'validation.invalid' });

export { z };

export const emailField = z
	.string({ error: 'validation.required' })
	.overwrite(stripNul)
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
		.overwrite(stripNul)
		.trim()
		.max(max, { error: 'validation.tooLong' });
	return required ? base.min(1, { error: 'validation.required' }) : base;
}

export { INT4_MAX, parseInt4Id } from './ids';

/** A row id from a form, query or route parameter: a whole number 1 … INT4_MAX. */
export function int4Id(key = 'validation.invalid') {
	return z.coerce
		.number({ error: key })
		.int({ error: key })
		.min(1, { error: key })
		.max(INT4_MAX, { error: key });
}

/** True for YYYY-MM-DD that is a day of the calendar (2026-02-31 is not). */
export function isRealDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return (
		d.getUTCFullYear() === Number(m[1]) &&
		d.getUTCMonth() === Number(m[2]) - 1 &&
		d.getUTCDate() === Number(m[3])
	);
}

export const dateField = z
	.string({ error: 'validation.date' })
	.refine(isRealDate, { error: 'validation.date' });

/** PostgreSQL refuses U+0000 in text; it carries nothing a person typed, so it is dropped. */
export function stripNul(s: string): string {
	return s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
}

/**
 * An optional idempotency key from a client: blank (or only spaces) counts as none, so two blank
 * keys are two requests, not one key used twice.
 */
export function optionalClientId(max = 64) {
	return z
		.string()
		.trim()
		.max(max, { error: 'validation.invalid' })
		.regex(/^[A-Za-z0-9:_-]*$/, { error: 'validation.invalid' })
		.optional()
		.transform((v) => (v ? v : undefined));
}

/**
 * An uploaded file (superforms passes File entries through; an empty file input arrives as
 * undefined). Bytes beyond `maxBytes` are refused here, so the form says so in the user's language.
 */
export function fileField(maxBytes: number, missingKey: string, tooLargeKey: string) {
	return z
		.instanceof(File, { error: missingKey })
		.refine((f) => f.size > 0, { error: missingKey })
		.refine((f) => f.size <= maxBytes, { error: tooLargeKey });
}

/** The same, for a file the form may leave out. */
export function optionalFileField(maxBytes: number, tooLargeKey: string) {
	return z
		.instanceof(File, { error: 'validation.invalid' })
		.refine((f) => f.size <= maxBytes, { error: tooLargeKey })
		.optional();
}
