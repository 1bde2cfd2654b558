/**
 * Zod pieces for environment variables: every value arrives as a string (or not at all), and an
 * empty one (`FOO=` in a unit file or compose file) means "use the default", as it always has.
 * A value that is there but wrong is refused: it must never turn into NaN or a silent default.
 */
import { z } from 'zod';

/** An empty string counts as unset. */
const blankToUnset = (v: unknown) => (v === '' ? undefined : v);

/** Numbers as people write them in env files; blanks and words become NaN and are refused. */
const toNumber = (v: unknown) => {
	const u = blankToUnset(v);
	if (typeof u !== 'string') return u;
	return u.trim() === '' ? Number.NaN : Number(u);
};

interface NumberRule {
	/** Smallest allowed value (inclusive). */
	min?: number;
	/** Values must be above this (exclusive): for rates and lifetimes where 0 means nothing. */
	above?: number;
	/** Only whole numbers (counts, ports, milliseconds). */
	int?: boolean;
}

function numberSchema(rule: NumberRule) {
	// One message for every way of missing the rule, so "abc" and "-1" read the same.
	const range = [
		rule.min !== undefined ? ` of ${rule.min} or more` : '',
		rule.above !== undefined ? ` above ${rule.above}` : ''
	].join('');
	const error = `must be ${rule.int ? 'a whole number' : 'a number'}${range}`;
	let n = z.number({ error });
	if (rule.int) n = n.int({ error });
	if (rule.min !== undefined) n = n.min(rule.min, { error });
	if (rule.above !== undefined) n = n.gt(rule.above, { error });
	return n;
}

/** A number with a default. */
export function numberSetting(fallback: number, rule: NumberRule = {}) {
	return z.preprocess(toNumber, numberSchema(rule).default(fallback));
}

/** A number that may be left unset (its default is worked out from other settings). */
export function optionalNumberSetting(rule: NumberRule = {}) {
	return z.preprocess(toNumber, numberSchema(rule).optional());
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

const flagSchema = z
	.string()
	.transform((v) => v.trim().toLowerCase())
	.refine((v) => TRUE.includes(v) || FALSE.includes(v), {
		error: `must be one of ${[...TRUE, ...FALSE].join(', ')}`
	})
	.transform((v) => TRUE.includes(v));

/** On/off: `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`; anything else is refused. */
export function flagSetting(fallback: boolean) {
	return z.preprocess(blankToUnset, flagSchema.optional()).transform((v) => v ?? fallback);
}

/** On/off whose default depends on other settings (undefined when unset). */
export function optionalFlagSetting() {
	return z.preprocess(blankToUnset, flagSchema.optional());
}

/** Free text with a default. */
export function textSetting(fallback: string) {
	return z.preprocess(blankToUnset, z.string().default(fallback));
}

/** Free text that may be unset. */
export function optionalTextSetting() {
	return z.preprocess(blankToUnset, z.string().optional());
}

/**
 * A URL whose scheme must be one of `schemes` (e.g. `postgres:` for DATABASE_URL). The message
 * never repeats the value: connection strings carry passwords.
 */
export function urlSetting(schemes: string[]) {
	const list = schemes.map((s) => `${s}//…`).join(' or ');
	return z.preprocess(
		blankToUnset,
		z
			.string()
			.refine(
				(v) => {
					try {
						return schemes.includes(new URL(v).protocol);
					} catch {
						return false;
					}
				},
				{ error: `must be a URL starting with ${list}` }
			)
			.optional()
	);
}

/** One of a fixed list of words. */
export function choiceSetting<const T extends readonly [string, ...string[]]>(choices: T) {
	return z.preprocess(
		blankToUnset,
		z.enum(choices, { error: `must be one of ${choices.join(', ')}` }).optional()
	);
}
