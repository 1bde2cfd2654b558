/**
 * Settings: each module describes the environment variables it reads as one zod object whose
 * keys are the variable names (`<module>.settings.ts`). The runtime validates every module's
 * schema together before it opens the database, so a wrong value stops the start with a message
 * that names the variable instead of becoming NaN somewhere later.
 */
import type { z } from 'zod';

/** Schemas are objects over environment variable names; values are read from strings. */
export type SettingsSchema = z.ZodObject;

export interface SettingsProblem {
	variable: string;
	message: string;
}

export class SettingsError extends Error {
	constructor(readonly problems: SettingsProblem[]) {
		super(
			'Invalid settings (environment variables); fix them and start again:\n' +
				problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')
		);
		this.name = 'SettingsError';
	}
}

type Env = Record<string, string | undefined>;

function problemsOf(schema: SettingsSchema, env: Env): SettingsProblem[] {
	const r = schema.safeParse(env);
	if (r.success) return [];
	// Values are never quoted back: tokens and connection strings are secrets.
	return r.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message }));
}

/** Parses one module's settings; throws a SettingsError naming every wrong variable. */
export function parseSettings<S extends SettingsSchema>(schema: S, env: Env): z.output<S> {
	const r = schema.safeParse(env);
	if (!r.success) throw new SettingsError(problemsOf(schema, env));
	return r.data;
}

/** `POOL_` when every variable of the schema starts with it; core's names share none. */
function prefixOf(schema: SettingsSchema): string | null {
	const names = Object.keys(schema.shape);
	const first = names[0]?.split('_')[0];
	if (!first || names.some((n) => !n.startsWith(`${first}_`))) return null;
	return `${first}_`;
}

/** Edit distance, to suggest the meant name for a misspelt one. */
function distance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++)
			row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = row;
	}
	return prev[b.length];
}

/**
 * Checks all modules' settings at once and throws one SettingsError listing every problem:
 * wrong values, and unknown variables under a module's own prefix (`FEEDBACK_REPLY_DAY` is a
 * typo of `FEEDBACK_REPLY_DAYS`, and silently using the default would hide it).
 */
export function validateSettings(schemas: Iterable<SettingsSchema>, env: Env = process.env): void {
	const list = [...schemas];
	const problems = list.flatMap((s) => problemsOf(s, env));
	const known = new Set(list.flatMap((s) => Object.keys(s.shape)));
	const prefixes = list.map(prefixOf).filter((p): p is string => p !== null);
	for (const name of Object.keys(env).sort()) {
		if (known.has(name) || !prefixes.some((p) => name.startsWith(p))) continue;
		const near = [...known]
			.map((k) => ({ k, d: distance(name, k) }))
			.filter((x) => x.d <= 3)
			.sort((x, y) => x.d - y.d)[0];
		problems.push({
			variable: name,
			message: near ? `unknown setting (did you mean ${near.k}?)` : 'unknown setting'
		});
	}
	if (problems.length) throw new SettingsError(problems);
}

/**
 * A module's settings accessor: parses process.env (or the given env) and remembers the result
 * while the variables it reads keep their values, so tests may change a variable between cases
 * and request paths pay only a few look-ups.
 */
export function settingsReader<S extends SettingsSchema>(schema: S) {
	const names = Object.keys(schema.shape);
	let last: { key: string; value: z.output<S> } | undefined;
	return (env: Env = process.env): z.output<S> => {
		if (env !== process.env) return parseSettings(schema, env);
		const key = names.map((n) => env[n] ?? '\u0000').join('\u0001');
		if (last?.key !== key) last = { key, value: parseSettings(schema, env) };
		return last.value;
	};
}
