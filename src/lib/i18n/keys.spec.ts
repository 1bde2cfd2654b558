/**
 * Keys are checked when the code compiles: a typo in a key or a key group fails the type check
 * (`npm run check`, svelte-check, reads the same `keys.generated.ts`), shown here on a fixture
 * compiled with the TypeScript compiler. Also: the generated union is current.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { KEYS_FILE, keysSource } from '../../../scripts/i18n/keys';

const LIB = path.resolve(import.meta.dirname, '..');

function typeErrors(code: string): { line: number; text: string }[] {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-keys-'));
	const file = path.join(dir, 'fixture.ts');
	fs.writeFileSync(file, code);
	try {
		const program = ts.createProgram([file], {
			strict: true,
			noEmit: true,
			skipLibCheck: true,
			target: ts.ScriptTarget.ES2022,
			module: ts.ModuleKind.ESNext,
			moduleResolution: ts.ModuleResolutionKind.Bundler,
			baseUrl: dir,
			paths: { '$lib/*': [`${LIB}/*`] },
			types: []
		});
		return ts
			.getPreEmitDiagnostics(program)
			.filter((d) => d.file?.fileName === file)
			.map((d) => ({
				line: d.file!.getLineAndCharacterOfPosition(d.start!).line + 1,
				text: ts.flattenDiagnosticMessageText(d.messageText, '\n')
			}));
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('message keys', () => {
	it('the generated key union matches the catalogues (run `npx tsx scripts/i18n/keys.ts`)', () => {
		expect(fs.readFileSync(KEYS_FILE, 'utf8')).toBe(keysSource());
	});

	it('a wrong key or key group fails the type check; right ones and data keys pass', () => {
		const errors = typeErrors(
			[
				`import { keyIn, type I18n } from '$lib/i18n';`,
				`declare const i18n: I18n;`,
				`i18n.t('core.nav.home');`,
				`i18n.t('core.nav.hom');`,
				`i18n.t(keyIn('pool.gender', 'f'));`,
				`i18n.t(keyIn('pool.gendr', 'f'));`,
				`i18n.t.dynamic(String(Math.random()));`,
				`i18n.t('core.nav.signedInAs', { name: 'Aino' });`
			].join('\n')
		);
		expect(errors.map((e) => e.line)).toEqual([4, 6]);
		expect(errors[0].text).toContain('"core.nav.hom"');
		expect(errors[1].text).toContain('"pool.gendr"');
	}, 60_000);
});
