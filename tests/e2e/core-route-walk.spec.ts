/**
 * Walks every route with every role (anonymous and each demo account) and checks the answer:
 * allowed → a real page; not allowed → 403 (signed in) or sign-in (anonymous); and a POST
 * from a role that is not allowed never gets through. The expectations are written here, apart
 * from the code that enforces them, and every route must have one: core's areas here, each
 * module's in its `src/lib/server/<module>/route-walk.ts` (found by folder, so a new module
 * registers nothing here).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, request, test, type APIRequestContext } from './fixtures';
import { DEMO, DEMO_PASSWORD } from './helpers';

type Who = 'anonymous' | keyof typeof DEMO;
type Rule = 'public' | 'signed-in' | 'token' | Who[];

const STAFF: Who[] = ['admin', 'staff', 'pool', 'council', 'experts', 'feedback', 'moderator'];

/** Longest matching prefix wins. `token`: machine endpoints that no browser session may use. */
const CORE_EXPECTED: [string, Rule][] = [
	['/', 'public'],
	['/account', 'signed-in'],
	['/staff', STAFF],
	['/admin', ['admin']]
];

/** Each module's expectations, from `src/lib/server/<module>/route-walk.ts`. */
async function moduleExpectations(): Promise<[string, Rule][]> {
	const out: [string, Rule][] = [];
	for (const dir of fs.readdirSync('src/lib/server', { withFileTypes: true })) {
		const file = path.resolve('src/lib/server', dir.name, 'route-walk.ts');
		if (!dir.isDirectory() || !fs.existsSync(file)) continue;
		const mod = (await import(file)) as { ROUTE_WALK: [string, Rule][] };
		out.push(...mod.ROUTE_WALK);
	}
	return out;
}

let EXPECTED: [string, Rule][] = CORE_EXPECTED;

function ruleFor(route: string): Rule {
	let best: [string, Rule] | undefined;
	for (const e of EXPECTED) {
		const [prefix] = e;
		const matches = prefix === '/' || route === prefix || route.startsWith(`${prefix}/`);
		if (matches && (!best || prefix.length > best[0].length)) best = e;
	}
	return best![1];
}

function allowed(rule: Rule, who: Who): boolean {
	if (rule === 'public') return true;
	if (rule === 'token') return false;
	if (rule === 'signed-in') return who !== 'anonymous';
	return rule.includes(who);
}

/** Route ids from the file system, with (groups) removed; `kind` says page or endpoint. */
function listRoutes(): { route: string; kind: 'page' | 'endpoint' }[] {
	const out: { route: string; kind: 'page' | 'endpoint' }[] = [];
	const walk = (dir: string) => {
		const files = fs.readdirSync(dir, { withFileTypes: true });
		const rel = path.relative('src/routes', dir).split(path.sep).join('/');
		const route = ('/' + rel).replace(/\/\([^)]+\)/g, '').replace(/\/$/, '') || '/';
		if (files.some((f) => f.name.startsWith('+page.'))) out.push({ route, kind: 'page' });
		if (files.some((f) => f.name.startsWith('+server.'))) out.push({ route, kind: 'endpoint' });
		for (const f of files) if (f.isDirectory()) walk(path.join(dir, f.name));
	};
	walk('src/routes');
	return out;
}

function concrete(route: string): string {
	return (
		route
			.replace(/\[\.\.\.[^\]]+\]/g, 'x')
			// An id the `int` matcher takes (no row has it); other parameters get a uuid.
			.replace(/\[[^\]=]+=int\]/g, '2147483647')
			.replace(/\[[^\]]+\]/g, '00000000-0000-0000-0000-000000000000')
	);
}

const WHO: Who[] = ['anonymous', ...(Object.keys(DEMO) as (keyof typeof DEMO)[])];

test('every route answers every role as expected', async ({ baseURL }) => {
	test.setTimeout(300_000);
	const modules = await moduleExpectations();
	expect(modules.map(([prefix]) => prefix)).toContain('/staff/pool');
	EXPECTED = [...CORE_EXPECTED, ...modules];
	const routes = listRoutes();
	expect(routes.length).toBeGreaterThan(10);
	const contexts = new Map<Who, APIRequestContext>();
	for (const who of WHO) {
		const ctx = await request.newContext({
			baseURL,
			extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' }
		});
		if (who !== 'anonymous') {
			const res = await ctx.post('/auth/sign-in', {
				form: { email: DEMO[who], password: DEMO_PASSWORD },
				maxRedirects: 0
			});
			expect(res.status(), `sign-in ${who}`).toBe(303);
		}
		contexts.set(who, ctx);
	}
	const failures: string[] = [];
	for (const { route, kind } of routes) {
		const rule = ruleFor(route);
		const url = concrete(route);
		for (const who of WHO) {
			const ctx = contexts.get(who)!;
			const ok = allowed(rule, who);
			const res = await ctx.get(url, { maxRedirects: 0 });
			const status = res.status();
			const location = res.headers()['location'] ?? '';
			const toSignIn = status === 303 && location.startsWith('/auth/sign-in');
			if (ok) {
				if (status === 401 || status === 403 || toSignIn || status >= 500)
					failures.push(`${who} GET ${url}: ${status} ${location} (should be allowed)`);
			} else if (kind === 'page' || rule !== 'token' || status !== 405) {
				const refused =
					status === 403 || status === 401 || (who === 'anonymous' && toSignIn) || status === 405;
				if (!refused) failures.push(`${who} GET ${url}: ${status} (should be refused)`);
			}
			if (!ok) {
				const post = await ctx.post(url, { form: { x: '1' }, maxRedirects: 0 });
				const p = post.status();
				// 404: the page has only named actions, so nothing ran (named ones check roles too).
				if (![401, 403, 404, 405].includes(p) && !(who === 'anonymous' && p === 303))
					failures.push(`${who} POST ${url}: ${p} (should be refused)`);
			}
		}
	}
	for (const ctx of contexts.values()) await ctx.dispose();
	expect(failures).toEqual([]);
});
