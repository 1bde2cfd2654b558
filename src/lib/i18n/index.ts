/**
 * UI text in Finnish, Swedish and English. Catalogues are JSON files per language and module
 * (`messages/<locale>/<module>.json`); a key is `<module>.<path>`, e.g. `core.nav.home`.
 * Parameters are written `{name}` in the text.
 */
import { getContext, setContext } from 'svelte';
import { formatter, type Formatter } from './format';

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('./messages/*/*.json', { eager: true, import: 'default' });

function flatten(tree: Tree, prefix: string, out: Map<string, string>) {
	for (const [k, v] of Object.entries(tree)) {
		const key = prefix ? `${prefix}.${k}` : k;
		if (typeof v === 'string') out.set(key, v);
		else flatten(v, key, out);
	}
}

const catalogues: Record<Locale, Map<string, string>> = {
	fi: new Map(),
	sv: new Map(),
	en: new Map()
};
for (const [file, tree] of Object.entries(files)) {
	const m = /messages\/(\w+)\/([\w-]+)\.json$/.exec(file);
	if (!m || !isLocale(m[1])) continue;
	flatten(tree, m[2], catalogues[m[1]]);
}

export function isLocale(v: unknown): v is Locale {
	return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export type Params = Record<string, string | number>;

/** Looks a key up in the locale, then Finnish; an unknown key is returned as is so it shows. */
export function translate(locale: Locale, key: string, params?: Params): string {
	const text = catalogues[locale].get(key) ?? catalogues[DEFAULT_LOCALE].get(key) ?? key;
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (_, name: string) =>
		params[name] === undefined ? `{${name}}` : String(params[name])
	);
}

export function hasKey(locale: Locale, key: string): boolean {
	return catalogues[locale].has(key);
}

/** All keys of a locale: used by the locale-completeness test. */
export function keysOf(locale: Locale): string[] {
	return [...catalogues[locale].keys()];
}

export interface I18n {
	readonly locale: Locale;
	t: (key: string, params?: Params) => string;
	/** Numbers and dates in the page's language (`./format.ts`). */
	readonly fmt: Formatter;
}

export function createI18n(getLocale: () => Locale): I18n {
	return {
		get locale() {
			return getLocale();
		},
		t: (key, params) => translate(getLocale(), key, params),
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
export function localName(
	row: { name_fi: string; name_sv?: string | null; name_en?: string | null },
	locale: Locale
): string {
	if (locale === 'sv' && row.name_sv) return row.name_sv;
	if (locale === 'en' && row.name_en) return row.name_en;
	return row.name_fi;
}
