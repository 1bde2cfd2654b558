/**
 * The README's settings tables (section "Configuration") list exactly the variables of the
 * modules' settings schemas, and a default shown as a plain value is the schema's default.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../../src/lib/server/modules';
import { allSettings } from '../../../src/lib/server/core/runtime';
import { parseSettings } from '../../../src/lib/server/core/settings';

interface Row {
	names: string[];
	defaults: string | null;
}

function readmeRows(): Row[] {
	const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
	const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0];
	if (!section) throw new Error('README has no "## Configuration" section');
	const rows: Row[] = [];
	for (const line of section.split('\n')) {
		if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
		const cells = line.split('|').map((c) => c.trim());
		const names = [...cells[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]);
		if (!names.length) continue; // the header row
		// Only a cell of plain values (`30` or `60`, `1`) is compared; computed ones are prose.
		const plain = /^`[^`$]+`(, `[^`$]+`)*$/.test(cells[2]);
		rows.push({ names, defaults: plain ? cells[2] : null });
	}
	return rows;
}

const settingsSchemas = allSettings(MODULES);
const defaults: Record<string, unknown> = Object.assign(
	{},
	...settingsSchemas.map((s) => parseSettings(s, {}))
);
const schemaNames = settingsSchemas.flatMap((s) => Object.keys(s.shape));

describe('README settings tables', () => {
	const rows = readmeRows();

	it('list every variable of the schemas, and no other', () => {
		const listed = rows.flatMap((r) => r.names);
		expect(new Set(listed).size, 'a variable listed twice').toBe(listed.length);
		expect([...listed].sort()).toEqual([...schemaNames].sort());
	});

	it("show the schemas' defaults", () => {
		const shown = rows.filter((r) => r.defaults !== null);
		expect(shown.length).toBeGreaterThan(10);
		for (const r of shown) {
			const values = [...r.defaults!.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
			expect(values.length, `one default per variable in the row of ${r.names}`).toBe(
				r.names.length
			);
			r.names.forEach((n, i) => expect(String(defaults[n]), n).toBe(values[i]));
		}
	});
});
