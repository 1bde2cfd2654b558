/**
 * Readable values in spreadsheet files: exports write a code's name in the reader's language
 * ("nainen", not "female"), and imports take the name back in any of the portal's languages, or
 * the code itself. The names are the UI's own messages (`<prefix>.<code>`), so a file and the
 * pages always say the same.
 */
import { LOCALES } from '$lib/i18n';
import { translate } from '../i18n/translate';

/** Name (any language, any case) or code → code, for the codes under a message prefix. */
export function codesByLabel(prefix: string, codes: readonly string[]): Map<string, string> {
	const m = new Map<string, string>();
	for (const c of codes) {
		m.set(c.toLowerCase(), c);
		for (const l of LOCALES) m.set(translate(l, `${prefix}.${c}`).trim().toLowerCase(), c);
	}
	return m;
}

/** A cell's code by `codesByLabel`'s map; the cell as it is when it names nothing (the schema then refuses it). */
export function codeOf(map: ReadonlyMap<string, string>, cell: string): string {
	const v = cell.trim();
	return v === '' ? '' : (map.get(v.toLowerCase()) ?? v);
}

/** The names a column has in every language: the header aliases an import accepts. */
export function columnNames(key: string): string[] {
	return LOCALES.map((l) => translate(l, key));
}
