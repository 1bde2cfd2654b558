/**
 * Reads the message catalogues (`src/lib/i18n/messages/<locale>/<module>.json`) from disk, for the
 * build-time tools: the key generator, the route analysis, the codemod and the bench. A key is
 * `<module>.<path>`, e.g. `core.nav.home`.
 */
import fs from 'node:fs';
import path from 'node:path';

export const MESSAGES_DIR = path.resolve(import.meta.dirname, '../../src/lib/i18n/messages');
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Catalogues = Record<(typeof LOCALES)[number], Map<string, string>>;
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out: Map<string, string>) {
	for (const [k, v] of Object.entries(tree)) {
		const key = prefix ? `${prefix}.${k}` : k;
		if (typeof v === 'string') out.set(key, v);
		else flatten(v, key, out);
	}
}

export function readCatalogues(dir = MESSAGES_DIR): Catalogues {
	const out = { fi: new Map(), sv: new Map(), en: new Map() } as Catalogues;
	for (const locale of LOCALES) {
		for (const file of fs.readdirSync(path.join(dir, locale)).sort()) {
			if (!file.endsWith('.json')) continue;
			const tree = JSON.parse(fs.readFileSync(path.join(dir, locale, file), 'utf8')) as Tree;
			flatten(tree, file.replace(/\.json$/, ''), out[locale]);
		}
	}
	return out;
}
