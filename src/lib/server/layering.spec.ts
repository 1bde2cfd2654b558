/**
 * The layering rules of issue 10, checked on the source: routes run no SQL and read no form
 * without superforms; services, queries and schemas speak no HTTP (SvelteKit's `error`,
 * `redirect`, `fail`, cookies live in routes and in the named HTTP-layer files listed here).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, test: (f: string) => boolean): string[] {
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...files(p, test));
		else if (test(p)) out.push(p);
	}
	return out;
}

const routeFiles = files('src/routes', (f) =>
	/\+(page|layout)?\.?server\.ts$|\+server\.ts$/.test(f)
);
const read = (f: string) => fs.readFileSync(f, 'utf8');

/** Files under src/lib/server that are HTTP adapters or route helpers by design (README, Layout). */
const HTTP_LAYER = [
	'core/auth/guard.ts',
	'core/auth/area-guard.ts',
	'core/auth/session.ts',
	'conversations/http.ts',
	'conversations/identity.ts',
	'conversations/pages.ts',
	'feedback/public-pages.ts',
	'feedback/public-survey.ts',
	'feedback/staff-scope.ts'
];

describe('layering', () => {
	it('routes run no SQL: queries live in the modules', () => {
		const sqlInRoutes = routeFiles.filter((f) =>
			/\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`|\.transaction\(\)/.test(read(f))
		);
		expect(sqlInRoutes).toEqual([]);
	});

	it('form actions read forms through superforms, not request.formData() alone', () => {
		const raw = routeFiles.filter((f) => {
			const src = read(f);
			if (!/export const actions/.test(src)) return false;
			// Reading the body once is fine when it then goes to superValidate (extra bg_ fields).
			return /request\.formData\(\)/.test(src) && !/superValidate[^(]*\(\s*data\b/.test(src);
		});
		expect(raw).toEqual([]);
	});

	it('services, queries and schemas import nothing from SvelteKit', () => {
		const server = files('src/lib/server', (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
		const offenders = server.filter((f) => {
			const rel = path.relative('src/lib/server', f).split(path.sep).join('/');
			return !HTTP_LAYER.includes(rel) && /from '@sveltejs\/kit'/.test(read(f));
		});
		expect(offenders).toEqual([]);
	});
});
