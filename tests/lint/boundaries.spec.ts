/**
 * The module boundary rules (eslint.boundaries.js, part of `npm run lint`) catch what they
 * should: small sources are linted with the project's own ESLint config as if they sat at the
 * given paths, and each forbidden import must be reported while the proper one is not.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The virtual files are not in the TypeScript project, so the type-aware rules (not under test
// here) are off for them; everything else is eslint.config.js as CI runs it.
const eslint = new ESLint({
	cwd: ROOT,
	ignore: false,
	overrideConfig: {
		files: ['**/lint-fixture*', 'tests/lint/fixtures/**'],
		languageOptions: { parserOptions: { projectService: false } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'off',
			'@typescript-eslint/no-misused-promises': 'off'
		}
	}
});

async function boundaryErrors(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
	return result.messages
		.filter((m) => m.ruleId?.startsWith('import-x/'))
		.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundary lint rule', () => {
	it('reports a deep $lib import past a module index from a route', async () => {
		const errors = await boundaryErrors(
			'src/routes/staff/pool/lint-fixture.ts',
			"import { joinPool } from '$lib/server/pool/member.service';\nexport const x = joinPool;\n"
		);
		expect(errors).toEqual([expect.stringMatching(/no-restricted-paths.*through its index\.ts/)]);
	});

	it('reports a relative import past another module index from a module', async () => {
		const errors = await boundaryErrors(
			'src/lib/server/feedback/lint-fixture.ts',
			"import { joinPool } from '../pool/member.service';\nexport const x = joinPool;\n"
		);
		expect(errors).toEqual([expect.stringMatching(/Import the pool module through its index/)]);
	});

	it('reports a deep import from a test outside the module', async () => {
		const errors = await boundaryErrors(
			'tests/integration/pool/lint-fixture.ts',
			"import { joinPool } from '../../../src/lib/server/pool/member.service';\nexport const x = joinPool;\n"
		);
		expect(errors).toHaveLength(1);
	});

	it('reports core importing a module, even through its index', async () => {
		const errors = await boundaryErrors(
			'src/lib/server/core/lint-fixture.ts',
			"import { poolManifest } from '../pool';\nimport { MODULES } from '../modules';\nexport const x = [poolManifest, MODULES];\n"
		);
		expect(errors).toEqual([
			expect.stringMatching(/Core imports no module/),
			expect.stringMatching(/Core does not import the composition root/)
		]);
	});

	it("reports one module's components importing another's", async () => {
		const errors = await boundaryErrors(
			'src/lib/components/feedback/lint-fixture.ts',
			"import ProfileFields from '$lib/components/pool/ProfileFields.svelte';\nexport const x = ProfileFields;\n"
		);
		expect(errors).toEqual([expect.stringMatching(/belongs to the pool module/)]);
	});

	it('reports an import cycle', async () => {
		const [result] = await eslint.lintFiles([path.join(ROOT, 'tests/lint/fixtures/cycle-a.ts')]);
		expect(result.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
	});

	it('accepts imports through the index, and a module importing its own files', async () => {
		expect(
			await boundaryErrors(
				'src/routes/staff/pool/lint-fixture.ts',
				"import { joinPool } from '$lib/server/pool';\nexport const x = joinPool;\n"
			)
		).toEqual([]);
		expect(
			await boundaryErrors(
				'src/lib/server/pool/lint-fixture.ts',
				"import { joinPool } from './member.service';\nimport { submitCase } from '../feedback';\nexport const x = [joinPool, submitCase];\n"
			)
		).toEqual([]);
	});
});
