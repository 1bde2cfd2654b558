/**
 * Guards the rule "no string literal for users in components": every visible text node and
 * user-facing attribute in a .svelte file must come from the message catalogues.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const USER_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
/** The product name and the NPS acronym are the same in every language. */
const ALLOWED = /^[\s–—·|:()/,.!?*%+\-0-9]*(Osallistu|NPS)?[\s–—·|:()/,.!?*%+\-0-9]*$/;
/** Text inside these is code or a file format (e.g. CSV column names), not prose. */
const CODE_TAGS = new Set(['style', 'script', 'code', 'kbd', 'samp']);

function svelteFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return svelteFiles(p);
		return e.name.endsWith('.svelte') ? [p] : [];
	});
}

interface Node {
	type: string;
	data?: string;
	name?: string;
	value?: unknown;
	start: number;
	[key: string]: unknown;
}

function literals(source: string): string[] {
	const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
	const found: string[] = [];
	const visit = (node: unknown, parentTag?: string) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, parentTag));
		const n = node as Node;
		if (n.type === 'Text' && !CODE_TAGS.has(parentTag ?? '')) {
			const text = (n.data ?? '').trim();
			if (text && /\p{L}{2,}/u.test(text) && !ALLOWED.test(text)) found.push(text);
		}
		if (n.type === 'Attribute') {
			// Only user-facing attributes matter; names, types, hrefs and classes are code.
			if (!USER_ATTRIBUTES.has(n.name ?? '') || !Array.isArray(n.value)) return;
			for (const part of n.value as Node[]) {
				if (part.type === 'Text' && /\p{L}{2,}/u.test(part.data ?? ''))
					found.push(`${n.name}="${part.data}"`);
			}
			return;
		}
		const tag = n.type === 'RegularElement' ? n.name : parentTag;
		for (const [k, v] of Object.entries(n)) if (k !== 'parent') visit(v, tag);
	};
	visit(ast.fragment);
	return found;
}

describe('components', () => {
	it('every .svelte file takes its user-facing text from the catalogues', () => {
		const offenders: string[] = [];
		for (const file of svelteFiles('src')) {
			for (const text of literals(fs.readFileSync(file, 'utf8')))
				offenders.push(`${file}: ${text}`);
		}
		expect(offenders).toEqual([]);
	});

	it('the check catches a literal', () => {
		expect(literals('<p>Hei maailma</p><button aria-label="Sulje">x</button>')).toEqual([
			'Hei maailma',
			'aria-label="Sulje"'
		]);
		expect(
			literals('<p>{t("a.b")} – Osallistu</p><code>id,name</code><style>p { color: red; }</style>')
		).toEqual([]);
	});
});
