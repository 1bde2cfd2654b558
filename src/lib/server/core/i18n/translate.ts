/**
 * The server's translator: every catalogue of every language, mail texts included. It lives under
 * `$lib/server` so that SvelteKit refuses to build if browser code imports it: pages get their
 * messages from the root layout (`src/lib/i18n/index.ts`).
 */
import { DEFAULT_LOCALE, interpolate, isLocale, type Locale, type Params } from '$lib/i18n';

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('../../../i18n/messages/*/*.json', {
	eager: true,
	import: 'default'
});

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

/**
 * Looks a key up in the locale, then Finnish; an unknown key is returned as is so it shows. Server
 * code builds keys from data (mail templates, error codes), so the key is a plain string here.
 */
export function translate(locale: Locale, key: string, params?: Params): string {
	const text = catalogues[locale].get(key) ?? catalogues[DEFAULT_LOCALE].get(key) ?? key;
	return interpolate(text, params);
}

export function hasKey(locale: Locale, key: string): boolean {
	return catalogues[locale].has(key);
}

/** All keys of a locale: used by the locale-completeness test. */
export function keysOf(locale: Locale): string[] {
	return [...catalogues[locale].keys()];
}
