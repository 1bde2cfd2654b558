/**
 * Migrations are frozen once merged, so their effect must not change when application code does:
 * a migration may import packages (kysely) but nothing from src/ or through SvelteKit's aliases.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const FOLDER = path.resolve('migrations');

/** Every module specifier a file names: static imports, re-exports, import() and require(). */
function specifiers(file: string): string[] {
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const out: string[] = [];
	const visit = (node: ts.Node) => {
		if (
			(ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
			node.moduleSpecifier &&
			ts.isStringLiteral(node.moduleSpecifier)
		)
			out.push(node.moduleSpecifier.text);
		if (
			ts.isCallExpression(node) &&
			(node.expression.kind === ts.SyntaxKind.ImportKeyword ||
				(ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
			node.arguments[0] &&
			ts.isStringLiteralLike(node.arguments[0])
		)
			out.push(node.arguments[0].text);
		ts.forEachChild(node, visit);
	};
	visit(source);
	return out;
}

/** Why a specifier is not allowed in a migration, or null. */
function forbidden(spec: string): string | null {
	if (spec.startsWith('$')) return 'a SvelteKit alias';
	if (spec.startsWith('src/') || spec.startsWith('/')) return 'application code';
	if (spec.startsWith('.')) {
		const target = path.resolve(FOLDER, spec);
		if (path.dirname(target) !== FOLDER) return 'a file outside migrations/';
	}
	return null;
}

describe('migrations import no application code', () => {
	const files = fs.readdirSync(FOLDER).filter((f) => /\.[cm]?[jt]s$/.test(f));

	it('finds the migration files and their imports', () => {
		expect(files.length).toBeGreaterThanOrEqual(5);
		expect(specifiers(path.join(FOLDER, files[0]))).toContain('kysely');
	});

	it('rejects imports from src/, $lib and outside the folder', () => {
		expect(forbidden('../src/lib/server/feedback/default-surveys')).toBe(
			'a file outside migrations/'
		);
		expect(forbidden('$lib/server/feedback')).toBe('a SvelteKit alias');
		expect(forbidden('src/lib/server/core/auth/roles')).toBe('application code');
		expect(forbidden('kysely')).toBeNull();
		expect(forbidden('./shared-data')).toBeNull();
	});

	it.each(files)('%s', (file) => {
		const bad = specifiers(path.join(FOLDER, file))
			.map((s) => [s, forbidden(s)] as const)
			.filter(([, why]) => why)
			.map(([s, why]) => `${s} (${why})`);
		expect(bad).toEqual([]);
	});
});
