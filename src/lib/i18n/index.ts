/**
 * UI text in Finnish, Swedish and English. Catalogues are JSON files per language and module
 * (`messages/<locale>/<module>.json`); a key is `<module>.<path>`, e.g. `core.nav.home`.
 * Parameters are written `{name}` in the text.
 *
 * This module is what pages use, and holds no catalogue: the root layout's load hands each page its
 * route's messages in its own language (`virtual:osallistu-messages`, built by
 * `scripts/i18n/vite-plugin.ts`), and the server translates with `$lib/server/core/i18n/translate`.
 * Keys are checked when the code compiles: `t()` takes a `MessageKey`, `keyIn()` a `KeyGroup`
 * (both generated into `keys.generated.ts`); a key that only arrives as data goes through
 * `t.dynamic()`.
 */
import { getContext, setContext } from 'svelte';
import { formatter, type Formatter } from './format';
import type { KeyGroups, MessageKey } from './keys.generated';

export type { MessageKey };
export type KeyGroup = keyof KeyGroups;
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';

export function isLocale(v: unknown): v is Locale {
	return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export type Params = Record<string, string | number>;
/** Key → text in one language. */
export type Messages = Readonly<Record<string, string>>;

export function interpolate(text: string, params?: Params): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (_, name: string) =>
		params[name] === undefined ? `{${name}}` : String(params[name])
	);
}

/** The keys of a group: `keyIn('pool.gender', g)` is `` `pool.gender.${g}` ``. */
export type KeysIn<G extends KeyGroup> = KeyGroups[G];

/**
 * A key chosen at run time from a group, e.g. `t(keyIn('pool.status', member.status))`. The group
 * is checked when the code compiles, and the build's route analysis sends the page the whole group.
 */
export function keyIn<G extends KeyGroup>(group: G, name: string | number): KeysIn<G> {
	return `${group}.${name}` as KeysIn<G>;
}

export interface Translate {
	(key: MessageKey, params?: Params): string;
	/**
	 * A key that arrives as data (a form error, a key a server module chose): it cannot be checked
	 * when the code compiles; an unknown one shows as is.
	 */
	dynamic(key: string, params?: Params): string;
}

export interface I18n {
	readonly locale: Locale;
	t: Translate;
	/** Numbers and dates in the page's language (`./format.ts`). */
	readonly fmt: Formatter;
}

/** `lookup` gives the text of a key in the current language, or undefined when it has none. */
export function createI18n(
	getLocale: () => Locale,
	lookup: (key: string) => string | undefined
): I18n {
	const t = ((key: string, params?: Params) =>
		interpolate(lookup(key) ?? key, params)) as Translate;
	t.dynamic = t;
	return {
		get locale() {
			return getLocale();
		},
		t,
		get fmt() {
			return formatter(getLocale());
		}
	};
}

const KEY = Symbol('i18n');
export function setI18n(i18n: I18n) {
	setContext(KEY, i18n);
}
/** The translator of the current page (set by the root layout). */
export function getI18n(): I18n {
	return getContext<I18n>(KEY);
}

/** Names in the database come in three languages: pick the user's (Swedish falls back to Finnish). */
/**
 * The language `localName` actually gave: 'fi' when the row has no name in the page's language
 * and the Finnish one stands in (mark it `lang="fi"` so a screen reader says it in Finnish),
 * undefined when the name is in the page's language.
 */
export function localNameLang(
	row: { name_fi: string; name_sv?: string | null; name_en?: string | null },
	locale: Locale
): 'fi' | undefined {
	if (locale === 'sv' && !row.name_sv) return 'fi';
	if (locale === 'en' && !row.name_en) return 'fi';
	return undefined;
}

export function localName(
	row: { name_fi: string; name_sv?: string | null; name_en?: string | null },
	locale: Locale
): string {
	if (locale === 'sv' && row.name_sv) return row.name_sv;
	if (locale === 'en' && row.name_en) return row.name_en;
	return row.name_fi;
}
