/**
 * Which messages each page can show, worked out from the source at build time.
 *
 * For every `+page.svelte` the files of its route chain (the page, every `+layout` and `+error`
 * above it, their `+page.ts`/`+layout.ts` and `.server.ts` loads and actions) and everything they
 * import from `src/` are read. Every string literal in them that is a message key, or a prefix of
 * keys (the group of `keyIn('pool.gender', g)`, the head of a template such as `` `pool.gender.${g}` ``,
 * a key a server module returns as data), selects every key that starts with it. Server files count
 * because actions and loads hand keys to the page as data (form errors, card labels). `validation.*`
 * (zod messages, which superforms also shows in the browser) goes to every page; `mail.*` to none.
 * Over-selecting costs a few bytes; a key missed here still shows, from the locale's whole catalogue
 * fetched on demand (`src/lib/i18n/index.ts`), so the analysis can err only on the safe side.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
const ROUTES = path.join(SRC, 'routes');
const ALIASES: Record<string, string> = { $lib: path.join(SRC, 'lib'), $ml: path.join(ROOT, 'ml') };
const EXTENSIONS = ['', '.ts', '.js', '.svelte', '/index.ts', '/index.js'];
const ALWAYS = ['validation.'];
export const NEVER = 'mail.';
/** The route id SvelteKit reports when no route matched (a 404 page): root layout and error page. */
export const NO_ROUTE = '';

function resolveImport(from: string, spec: string): string | undefined {
	let base: string | undefined;
	for (const [alias, dir] of Object.entries(ALIASES))
		if (spec === alias || spec.startsWith(alias + '/')) base = dir + spec.slice(alias.length);
	if (!base && spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
	if (!base) return undefined; // a package or $app/…: no message keys there
	for (const ext of EXTENSIONS) {
		const p = base + ext;
		if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
	}
	// `./x.js` written for `./x.ts`
	const ts = base.replace(/\.js$/, '.ts');
	return fs.existsSync(ts) ? ts : undefined;
}

// Type-only imports carry no text (the generated key union would otherwise select every key).
const IMPORT =
	/(?:\bimport\s+type\b[^'"]*?\bfrom\s*['"][^'"]+['"])|(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
const STRING = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`$\\]*)(?:\$\{|`)/g;

interface FileFacts {
	imports: string[];
	strings: string[];
}
const cache = new Map<string, FileFacts>();

function facts(file: string): FileFacts {
	let f = cache.get(file);
	if (f) return f;
	const src = fs.readFileSync(file, 'utf8');
	const imports: string[] = [];
	for (const m of src.matchAll(IMPORT)) {
		if (!m[1]) continue;
		const r = resolveImport(file, m[1]);
		if (r && !r.endsWith('.json') && !r.endsWith('.css')) imports.push(r);
	}
	const strings = [...src.matchAll(STRING)].map((m) => m[1] ?? m[2] ?? m[3]).filter(Boolean);
	f = { imports, strings };
	cache.set(file, f);
	return f;
}

/** The files a route's page is built from, and the files its loads and actions run. */
function chainFiles(dir: string): string[] {
	const out: string[] = [];
	const rel = path.relative(ROUTES, dir);
	const parts = rel ? rel.split(path.sep) : [];
	for (let i = 0; i <= parts.length; i++) {
		const d = path.join(ROUTES, ...parts.slice(0, i));
		const names =
			i === parts.length
				? ['+page.svelte', '+page.ts', '+page.server.ts', '+layout', '+error.svelte']
				: ['+layout', '+error.svelte'];
		for (const n of names) {
			const list = n === '+layout' ? ['+layout.svelte', '+layout.ts', '+layout.server.ts'] : [n];
			for (const f of list) if (fs.existsSync(path.join(d, f))) out.push(path.join(d, f));
		}
	}
	return out;
}

/**
 * The composition root reaches every module (each route imports the runtime, which imports the
 * root): what a page gets from it is the manifests' data (links, cards, role names), so at the
 * root the walk takes each manifest's own strings and follows neither the root's imports (the
 * modules' whole surfaces) nor a manifest's (its jobs and demo seeders hand pages no keys).
 */
const COMPOSITION_ROOT = path.join(ROOT, 'src/lib/server/modules.ts');
const isManifest = (f: string) => /src\/lib\/server\/[^/]+\/manifest\.ts$/.test(f);

function manifestFiles(): string[] {
	const dir = path.join(ROOT, 'src/lib/server');
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'manifest.ts')))
		.map((d) => path.join(dir, d.name, 'manifest.ts'));
}

function closure(entries: string[]): Set<string> {
	const seen = new Set<string>();
	const todo = [...entries];
	while (todo.length) {
		const f = todo.pop()!;
		if (seen.has(f)) continue;
		seen.add(f);
		if (f === COMPOSITION_ROOT) todo.push(...manifestFiles());
		else if (!isManifest(f)) todo.push(...facts(f).imports);
	}
	return seen;
}

/** The keys selected by the string literals of these files. */
export function keysOfFiles(files: Iterable<string>, allKeys: readonly string[]): string[] {
	const prefixes = new Set(ALWAYS);
	const known = new Set(allKeys);
	for (const f of files)
		for (const s of facts(f).strings) {
			// Two segments at least: `'conversations.'` alone is a module test, not a key group.
			if (!known.has(s) && !/^[a-z][\w-]*\.[\w-]+/i.test(s)) continue;
			// A template head (`pool.gender.`) or a group passed to keyIn (`pool.gender`)…
			const group = s.endsWith('.') ? s : s + '.';
			// …or a key: the key itself and keys made from it (`${card.key}Text`).
			if (known.has(s) || allKeys.some((k) => k.startsWith(group))) prefixes.add(s);
		}
	const out = allKeys.filter((k) => {
		if (k.startsWith(NEVER)) return false;
		for (const p of prefixes) if (k.startsWith(p)) return true;
		return false;
	});
	return out.sort();
}

function pageDirs(dir: string): string[] {
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		if (e.isDirectory()) out.push(...pageDirs(path.join(dir, e.name)));
		else if (e.name === '+page.svelte') out.push(dir);
	}
	return out;
}

/** Route id (as `page.route.id` has it) → the keys its page can show. */
export function routeKeys(allKeys: readonly string[]): Map<string, string[]> {
	cache.clear();
	const out = new Map<string, string[]>();
	for (const dir of pageDirs(ROUTES)) {
		const rel = path.relative(ROUTES, dir).split(path.sep).join('/');
		out.set('/' + rel, keysOfFiles(closure(chainFiles(dir)), allKeys));
	}
	// No route matched: the root layout and error page only.
	const root = ['+layout.svelte', '+layout.ts', '+layout.server.ts', '+error.svelte']
		.map((f) => path.join(ROUTES, f))
		.filter((f) => fs.existsSync(f));
	out.set(NO_ROUTE, keysOfFiles(closure(root), allKeys));
	return out;
}
