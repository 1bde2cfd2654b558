/**
 * The module's files must not import each other in a circle (votes.ts and vote-batcher.ts once
 * did): a cycle makes load order decide which binding is still undefined at start-up.
 * Reads the module's own relative imports, type-only ones excepted (they vanish at run time).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.dirname(new URL(import.meta.url).pathname);

function runtimeImports(file: string): string[] {
	const src = fs.readFileSync(path.join(DIR, file), 'utf8');
	const out: string[] = [];
	for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.\/[^']+)'/gm)) {
		if (m[2]) continue;
		out.push(`${m[3].slice(2)}.ts`);
	}
	return out;
}

function findCycle(files: string[]): string[] | null {
	const graph = new Map(files.map((f) => [f, runtimeImports(f).filter((d) => files.includes(d))]));
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (f: string): string[] | null => {
		if (state.get(f) === 'done') return null;
		if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
		state.set(f, 'open');
		stack.push(f);
		for (const d of graph.get(f) ?? []) {
			const c = visit(d);
			if (c) return c;
		}
		stack.pop();
		state.set(f, 'done');
		return null;
	};
	for (const f of files) {
		const c = visit(f);
		if (c) return c;
	}
	return null;
}

describe('conversations module imports', () => {
	it('has no import cycle between its files', () => {
		const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
		expect(files).toContain('votes.ts');
		expect(runtimeImports('vote-batcher.ts')).toContain('votes.ts');
		expect(findCycle(files)).toBeNull();
	});
});
