/**
 * Vite plugin: the browser gets, for the page it shows, only that page's messages in that page's
 * language (issue 10). It serves the virtual module `virtual:osallistu-messages`, whose
 * `routeMessages(locale, routeId)` imports one small chunk per route and locale (routes with the
 * same keys share one), and `allMessages(locale)` (one locale's whole catalogue less mail texts: the
 * server's render, and the browser's fallback for a key the analysis missed). On start and whenever a
 * catalogue changes it also rewrites the key union (`src/lib/i18n/keys.generated.ts`).
 * In `vite dev` every route gets its locale's whole catalogue, so edits never need a restart.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { LOCALES, MESSAGES_DIR, readCatalogues } from './catalogue.ts';
import { writeKeys } from './keys.ts';
import { NEVER, routeKeys } from './routes.ts';

const ID = 'virtual:osallistu-messages';
const RESOLVED = '\0' + ID;

export function messages(): Plugin {
	let build = false;
	let sets: string[][] = [];
	let routeIndex: Record<string, number> = {};
	let cats = readCatalogues();

	function analyse() {
		cats = readCatalogues();
		const all = [...cats.fi.keys()];
		sets = [];
		routeIndex = {};
		const bySignature = new Map<string, number>();
		for (const [route, keys] of build ? routeKeys(all) : new Map([['', all]])) {
			const sig = keys.join('\n');
			let i = bySignature.get(sig);
			if (i === undefined) {
				i = sets.push(keys) - 1;
				bySignature.set(sig, i);
			}
			routeIndex[route] = i;
		}
	}

	function dictionary(locale: (typeof LOCALES)[number], keys: Iterable<string>): string {
		const out: Record<string, string> = {};
		for (const k of keys) {
			if (k.startsWith(NEVER)) continue;
			const text = cats[locale].get(k) ?? cats.fi.get(k);
			if (text !== undefined) out[k] = text;
		}
		return `export default ${JSON.stringify(out)};`;
	}

	return {
		name: 'osallistu-messages',
		configResolved(config) {
			build = config.command === 'build';
		},
		buildStart() {
			writeKeys();
			analyse();
		},
		resolveId(id) {
			if (id === ID || id.startsWith(ID + '/')) return '\0' + id;
		},
		load(id) {
			if (id === RESOLVED) {
				const chunk = (locale: string, part: string | number) =>
					`() => import(${JSON.stringify(`${ID}/${locale}/${part}`)})`;
				const table = (part: (i: number) => string | number, n: number) =>
					`{ ${LOCALES.map((l) => `${l}: [${Array.from({ length: n }, (_, i) => chunk(l, part(i))).join(', ')}]`).join(', ')} }`;
				return [
					`const routes = ${JSON.stringify(routeIndex)};`,
					`const perRoute = ${table((i) => i, sets.length)};`,
					`const whole = ${table(() => 'all', 1)};`,
					`export function routeMessages(locale, routeId) {`,
					`\tconst i = routes[routeId ?? ''] ?? routes[''];`,
					`\treturn perRoute[locale][i]().then((m) => m.default);`,
					`}`,
					`export function allMessages(locale) {`,
					`\treturn whole[locale][0]().then((m) => m.default);`,
					`}`
				].join('\n');
			}
			if (!id.startsWith(RESOLVED + '/')) return;
			const [locale, part] = id.slice(RESOLVED.length + 1).split('/') as [
				(typeof LOCALES)[number],
				string
			];
			if (!LOCALES.includes(locale)) return;
			return dictionary(locale, part === 'all' ? cats.fi.keys() : (sets[Number(part)] ?? []));
		},
		configureServer(server) {
			server.watcher.add(MESSAGES_DIR);
			server.watcher.on('change', (file) => {
				if (!file.startsWith(MESSAGES_DIR + path.sep)) return;
				writeKeys();
				analyse();
				for (const id of server.moduleGraph.idToModuleMap.keys())
					if (id.startsWith(RESOLVED)) {
						const mod = server.moduleGraph.getModuleById(id);
						if (mod) server.moduleGraph.invalidateModule(mod);
					}
				server.ws.send({ type: 'full-reload' });
			});
		}
	};
}
