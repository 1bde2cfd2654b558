/**
 * The codemod of the message migration (issue 10). Idempotent: run it again after merging a branch
 * that was written against the old API, and it changes only what is still old.
 *
 *  1. `.svelte` files: every call of the page translator (`t(…)`, `i18n.t(…)`, or a name bound by
 *     `const { t } = getI18n()` / `const t = i18n.t`) whose key is not a string literal becomes
 *     - `t(keyIn('pool.gender', g))` for a template key `` `pool.gender.${g}` ``: the group is checked
 *       when the code compiles, and the route analysis sends the page the whole group;
 *     - `t.dynamic(expr)` for any other expression (a form error, a key a server module chose);
 *     and `keyIn` is added to the file's `$lib/i18n` import where it is used.
 *     Literal keys stay as they are: `t('core.nav.home')` is already checked by the key union.
 *  2. `.ts` files: `translate`, `hasKey` and `keysOf` move from `$lib/i18n` (now browser-safe, with no
 *     catalogue) to `$lib/server/core/i18n/translate`.
 *
 * Run: npx tsx scripts/i18n-codemod.ts [--check] [--report]
 *   --check   change nothing; exit 1 if a file would change (CI, and the merger after a merge)
 *   --report  list every dynamic-key site
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { parse } from 'svelte/compiler';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER_NAMES = new Set(['translate', 'hasKey', 'keysOf']);

interface Node {
	type: string;
	start: number;
	end: number;
	[key: string]: unknown;
}
interface Edit {
	start: number;
	end: number;
	text: string;
}
export interface Site {
	file: string;
	line: number;
	kind: 'keyIn' | 'dynamic';
	code: string;
}

function walk(node: unknown, visit: (n: Node) => void) {
	if (!node || typeof node !== 'object') return;
	if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
	const n = node as Node;
	if (typeof n.type === 'string') visit(n);
	for (const [k, v] of Object.entries(n)) if (k !== 'parent' && k !== 'loc') walk(v, visit);
}

function files(dir: string, ext: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return files(p, ext);
		return e.name.endsWith(ext) ? [p] : [];
	});
}

function literalOnly(n: Node): boolean {
	if (n.type === 'Literal') return typeof n.value === 'string';
	if (n.type === 'ConditionalExpression')
		return literalOnly(n.consequent as Node) && literalOnly(n.alternate as Node);
	return false;
}

const GROUP = /^[a-z][\w-]*(?:\.[\w-]+)*$/i;

/** Names the translator goes by in a component, besides `t`. */
function translatorNames(ast: Node): { fns: Set<string>; objects: Set<string> } {
	const fns = new Set(['t']);
	const objects = new Set(['i18n']);
	walk(ast, (n) => {
		if (n.type !== 'VariableDeclarator') return;
		const id = n.id as Node & { name?: string; properties?: Node[] };
		const init = n.init as (Node & { callee?: Node & { name?: string } }) | null;
		if (!init) return;
		const fromGetI18n = init.type === 'CallExpression' && init.callee?.name === 'getI18n';
		if (fromGetI18n && id.type === 'Identifier' && id.name) objects.add(id.name);
		if (fromGetI18n && id.type === 'ObjectPattern')
			for (const p of id.properties ?? []) {
				const key = p.key as { name?: string } | undefined;
				const value = p.value as { type: string; name?: string } | undefined;
				if (key?.name === 't' && value?.type === 'Identifier' && value.name) fns.add(value.name);
			}
		// const t = i18n.t
		if (
			init.type === 'MemberExpression' &&
			(init.property as { name?: string }).name === 't' &&
			id.type === 'Identifier' &&
			id.name
		)
			fns.add(id.name);
	});
	return { fns, objects };
}

export function transformSvelte(source: string, file = ''): { code: string; sites: Site[] } {
	const ast = parse(source, { modern: true }) as unknown as Node;
	const { fns, objects } = translatorNames(ast);
	const edits: Edit[] = [];
	const sites: Site[] = [];
	const lineOf = (pos: number) => source.slice(0, pos).split('\n').length;
	walk(ast, (n) => {
		if (n.type !== 'CallExpression') return;
		const callee = n.callee as Node & { name?: string; object?: Node; property?: Node };
		// Sites migrated before, for the report.
		const name = (x: unknown) => (x as { name?: string } | undefined)?.name;
		if (callee.type === 'Identifier' && callee.name === 'keyIn')
			sites.push({
				file,
				line: lineOf(n.start),
				kind: 'keyIn',
				code: source.slice(n.start, n.end)
			});
		if (callee.type === 'MemberExpression' && name(callee.property) === 'dynamic')
			sites.push({
				file,
				line: lineOf(n.start),
				kind: 'dynamic',
				code: source.slice(n.start, n.end).replace(/\s+/g, ' ')
			});
		const isFn = callee.type === 'Identifier' && fns.has(callee.name ?? '');
		const isMember =
			callee.type === 'MemberExpression' &&
			(callee.property as { name?: string }).name === 't' &&
			callee.object?.type === 'Identifier' &&
			objects.has((callee.object as { name?: string }).name ?? '');
		if (!isFn && !isMember) return;
		const arg = (n.arguments as Node[])[0];
		if (!arg) return;
		// A literal, or a choice between literals: the key union checks it as it is.
		if (literalOnly(arg)) return;
		// Already migrated.
		if (arg.type === 'CallExpression' && (arg.callee as { name?: string }).name === 'keyIn') return;
		const quasis = arg.quasis as (Node & { value: { raw: string } })[] | undefined;
		const exprs = arg.expressions as Node[] | undefined;
		if (arg.type === 'TemplateLiteral' && quasis && exprs) {
			const head = quasis[0].value.raw;
			if (
				exprs.length === 1 &&
				quasis[1].value.raw === '' &&
				head.endsWith('.') &&
				GROUP.test(head.slice(0, -1))
			) {
				const expr = source.slice(exprs[0].start, exprs[0].end);
				const text = `keyIn('${head.slice(0, -1)}', ${expr})`;
				edits.push({ start: arg.start, end: arg.end, text });
				sites.push({ file, line: lineOf(arg.start), kind: 'keyIn', code: text });
				return;
			}
			// A template without a plain group before one expression: only possible at run time.
			// (A template with no expression at all is a literal key.)
			if (exprs.length === 0) {
				edits.push({ start: arg.start, end: arg.end, text: `'${head}'` });
				return;
			}
		}
		edits.push({ start: callee.end, end: callee.end, text: '.dynamic' });
		sites.push({
			file,
			line: lineOf(arg.start),
			kind: 'dynamic',
			code: source.slice(arg.start, arg.end).replace(/\s+/g, ' ')
		});
	});
	let code = apply(source, edits);
	if (edits.some((e) => e.text.startsWith('keyIn(')) && !/\bkeyIn\b[^(]/.test(importOf(code)))
		code = addKeyInImport(code);
	return { code, sites };
}

function importOf(code: string): string {
	return /import\s*\{[^}]*\}\s*from\s*'\$lib\/i18n';/.exec(code)?.[0] ?? '';
}

function addKeyInImport(code: string): string {
	const current = importOf(code);
	if (current) {
		const names = /\{([^}]*)\}/.exec(current)![1];
		const list = names
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		return code.replace(current, `import { ${[...list, 'keyIn'].join(', ')} } from '$lib/i18n';`);
	}
	// No import of $lib/i18n yet (the translator came in through a prop): add one.
	return code.replace(/<script lang="ts">\n/, (m) => `${m}\timport { keyIn } from '$lib/i18n';\n`);
}

function apply(source: string, edits: Edit[]): string {
	let out = source;
	for (const e of [...edits].sort((a, b) => b.start - a.start))
		out = out.slice(0, e.start) + e.text + out.slice(e.end);
	return out;
}

/** Moves the server-side translator imports off the browser-safe module. */
export function transformTs(source: string): string {
	return source.replace(
		/import\s*\{([^}]*)\}\s*from\s*'((?:\$lib|(?:\.\.?\/)+(?:src\/)?lib)\/i18n)(?:\/index)?';/g,
		(whole, names: string, base: string) => {
			// `$lib/i18n` → `$lib/server/core/i18n/translate`, `../src/lib/i18n` likewise.
			const serverModule = base.replace(/i18n$/, 'server/core/i18n/translate');
			const list = names
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
			const server = list.filter((n) => SERVER_NAMES.has(n.replace(/^type\s+/, '')));
			if (!server.length) return whole;
			const rest = list.filter((n) => !server.includes(n));
			const lines = [`import { ${server.join(', ')} } from '${serverModule}';`];
			if (rest.length) {
				// `import { type A }` alone would be a value import of nothing: say `import type`.
				const allTypes = rest.every((n) => n.startsWith('type '));
				lines.unshift(
					allTypes
						? `import type { ${rest.map((n) => n.slice(5)).join(', ')} } from '${base}';`
						: `import { ${rest.join(', ')} } from '${base}';`
				);
			}
			return lines.join('\n');
		}
	);
}

/** The rewritten file in the house style, so a re-run after a merge leaves Prettier clean. */
async function format(file: string, code: string): Promise<string> {
	const options = (await prettier.resolveConfig(file)) ?? {};
	return prettier.format(code, { ...options, filepath: file });
}

async function main() {
	const check = process.argv.includes('--check');
	const report = process.argv.includes('--report');
	const changed: string[] = [];
	const sites: Site[] = [];
	const src = path.join(ROOT, 'src');
	for (const file of files(src, '.svelte')) {
		const before = fs.readFileSync(file, 'utf8');
		const rel = path.relative(ROOT, file);
		const { code, sites: s } = transformSvelte(before, rel);
		sites.push(...s);
		if (code !== before) {
			changed.push(rel);
			if (!check) fs.writeFileSync(file, await format(file, code));
		}
	}
	for (const file of [...files(src, '.ts'), ...files(path.join(ROOT, 'tests'), '.ts')]) {
		if (file.endsWith('.d.ts') || file.includes(`${path.sep}i18n${path.sep}`)) continue;
		const before = fs.readFileSync(file, 'utf8');
		const code = transformTs(before);
		if (code !== before) {
			changed.push(path.relative(ROOT, file));
			if (!check) fs.writeFileSync(file, await format(file, code));
		}
	}
	if (report) for (const s of sites) console.log(`${s.file}:${s.line}\t${s.kind}\t${s.code}`);
	console.log(
		`${check ? 'would change' : 'changed'} ${changed.length} files; ` +
			`${sites.filter((s) => s.kind === 'keyIn').length} keyIn sites, ` +
			`${sites.filter((s) => s.kind === 'dynamic').length} dynamic sites`
	);
	if (check && changed.length) {
		for (const f of changed) console.log(`  ${f}`);
		process.exitCode = 1;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
