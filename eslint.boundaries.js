/**
 * Module boundaries (README, "Layout" and "How to add a module"), enforced with
 * eslint-plugin-import-x on resolved paths, so `$lib/...` aliases, relative paths, routes,
 * components and tests are all covered alike:
 *
 * - outside a module, its files are reached through its index.ts only;
 * - core (src/lib/server/core) imports no module and not the composition root;
 * - a module's components (src/lib/components/<module>) are its own: the shared components and
 *   other modules' components do not import them;
 * - no import cycles.
 *
 * Each file falls in exactly one of the blocks below (a later block would replace an earlier
 * block's zones for a file in both). A module is a folder of src/lib/server with a
 * manifest.ts, so a new module is covered without editing this file.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.dirname(new URL(import.meta.url).pathname);
const SERVER = 'src/lib/server';
const COMPONENTS = 'src/lib/components';

/** The modules: folders of src/lib/server with a manifest.ts. */
export const MODULES = fs
	.readdirSync(path.join(ROOT, SERVER), { withFileTypes: true })
	.filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, SERVER, d.name, 'manifest.ts')))
	.map((d) => d.name)
	.sort();

const CODE = ['**/*.ts', '**/*.js', '**/*.svelte'];
/** The composition root: lists the modules, so core must not import it. */
const ROOT_FILES = ['modules.ts', 'db.ts', 'runtime.ts'].map((f) => `./${SERVER}/${f}`);

const throughIndex = (m) => ({
	target: './',
	from: `./${SERVER}/${m}`,
	except: ['./index.ts'],
	message: `Import the ${m} module through its index.ts ('$lib/server/${m}').`
});
const ownComponents = (m) => ({
	target: './',
	from: `./${COMPONENTS}/${m}`,
	message: `src/lib/components/${m} belongs to the ${m} module: only its own components and the routes use it.`
});

const rule = (zones) => ({
	'import-x/no-restricted-paths': ['error', { zones }]
});

export function boundaries({ createTypeScriptImportResolver, importX }) {
	const others = (m) => MODULES.filter((n) => n !== m);
	return [
		{
			files: CODE,
			plugins: { 'import-x': importX },
			settings: {
				// tsconfig.json extends .svelte-kit/tsconfig.json, which maps $lib (svelte-kit sync).
				'import-x/resolver-next': [
					createTypeScriptImportResolver({ project: path.join(ROOT, 'tsconfig.json') })
				],
				'import-x/extensions': ['.ts', '.js', '.svelte'],
				'import-x/parsers': {
					'svelte-eslint-parser': ['.svelte'],
					'@typescript-eslint/parser': ['.ts', '.js']
				}
			},
			rules: {
				// Type-only imports vanish at run time and cannot form a load-order cycle.
				'import-x/no-cycle': ['error', { ignoreExternal: true }]
			}
		},
		{
			// Everything outside core and the modules: routes, hooks, the composition root, shared
			// components and helpers, tests, bench, ml.
			files: CODE,
			ignores: [
				`${SERVER}/core/**`,
				...MODULES.map((m) => `${SERVER}/${m}/**`),
				`${COMPONENTS}/*/**`
			],
			rules: rule([
				...MODULES.map(throughIndex),
				// Shared components (src/lib/components/*.svelte) take no module's components.
				...MODULES.map((m) => ({ ...ownComponents(m), target: `./${COMPONENTS}/*.svelte` }))
			])
		},
		{
			files: [`${SERVER}/core/**`],
			rules: rule([
				...MODULES.map((m) => ({
					target: './',
					from: `./${SERVER}/${m}`,
					message:
						'Core imports no module: the composition root (src/lib/server/modules.ts) hands modules to core.'
				})),
				{
					target: './',
					from: ROOT_FILES,
					message: 'Core does not import the composition root; take what it needs as an argument.'
				},
				...MODULES.map(ownComponents)
			])
		},
		...MODULES.map((m) => ({
			files: [`${SERVER}/${m}/**`, `${COMPONENTS}/${m}/**`],
			rules: rule([
				...others(m).map(throughIndex),
				...others(m).map(ownComponents),
				{
					target: './',
					from: ROOT_FILES,
					message: 'A module does not import the composition root (it would be a cycle).'
				}
			])
		}))
	];
}
