import { describe, expect, it } from 'vitest';
import { transformSvelte, transformTs } from '../../../scripts/i18n-codemod';

const component = `<script lang="ts">
	import { getI18n } from '$lib/i18n';
	let { data, form } = $props();
	const { t } = getI18n();
	const i18n = getI18n();
	const tr = i18n.t;
</script>

<h1>{t('core.nav.home')}</h1>
<p>{t(\`pool.gender.\${data.gender}\`)}</p>
<p>{i18n.t(form.error, { n: 1 })}</p>
<p>{tr(\`\${data.key}Text\`)}</p>
<p>{t(data.ok ? 'core.nav.home' : 'core.nav.account')}</p>
<p>{other(form.error)}</p>
`;

describe('i18n codemod (scripts/i18n-codemod.ts)', () => {
	it('leaves literal keys, turns group templates into keyIn and data keys into t.dynamic', () => {
		const { code, sites } = transformSvelte(component);
		expect(code).toContain(`import { getI18n, keyIn } from '$lib/i18n';`);
		expect(code).toContain(`{t('core.nav.home')}`);
		expect(code).toContain(`{t(keyIn('pool.gender', data.gender))}`);
		expect(code).toContain(`{i18n.t.dynamic(form.error, { n: 1 })}`);
		expect(code).toContain('{tr.dynamic(`${data.key}Text`)}');
		expect(code).toContain(`{t(data.ok ? 'core.nav.home' : 'core.nav.account')}`);
		expect(code).toContain(`{other(form.error)}`);
		expect(sites.map((s) => s.kind)).toEqual(['keyIn', 'dynamic', 'dynamic']);
	});

	it('is idempotent', () => {
		const once = transformSvelte(component).code;
		expect(transformSvelte(once).code).toBe(once);
	});

	it('moves the server translator off the browser-safe module', () => {
		expect(transformTs(`import { translate, type Locale } from '$lib/i18n';\n`)).toBe(
			`import type { Locale } from '$lib/i18n';\n` +
				`import { translate } from '$lib/server/core/i18n/translate';\n`
		);
		expect(transformTs(`import { keysOf, isLocale } from '../../src/lib/i18n';\n`)).toBe(
			`import { isLocale } from '../../src/lib/i18n';\n` +
				`import { keysOf } from '../../src/lib/server/core/i18n/translate';\n`
		);
		const done = `import { localName } from '$lib/i18n';\n`;
		expect(transformTs(done)).toBe(done);
	});
});
