/**
 * Every audit action the services write is named in words in Finnish, Swedish and English
 * (issue 11: "the audit log is readable by a person"). The actions are read from the source:
 * `action: '<name>'` (also in `cond ? 'a' : 'b'`) and the modules' `audit(trx, user, '<name>')`
 * wrappers; template names such as `panels.member_${action}` are listed by hand below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditObjectView } from '../../src/lib/server/core/audit/audit-labels';
import { auditObjects } from '../../src/lib/server/modules';

const SERVER = path.resolve(__dirname, '../../src/lib/server');
const TEMPLATED = [
	...['invite', 'confirm', 'decline', 'withdraw'].map((a) => `panels.member_${a}`),
	...['confirm', 'decline', 'withdraw'].map((a) => `panels.member_own_${a}`),
	...['confirmed', 'corrected'].map((k) => `textanalysis.label_${k}`)
];

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(p);
		return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
	});
}

function actionsInSource(): string[] {
	const found = new Set<string>();
	for (const file of sourceFiles(SERVER)) {
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/action:\s*([^,\n}]+)/g))
			for (const lit of m[1].matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) found.add(lit[1]);
		for (const m of text.matchAll(/\baudit\(\s*\w+,\s*\w+,\s*'([a-z_]+\.[a-z_.]+)'/g))
			found.add(m[1]);
	}
	return [...found, ...TEMPLATED].sort();
}

function entityTypesInSource(): string[] {
	const found = new Set<string>(['panel']); // panels' audit() wrapper writes it for every action
	for (const file of sourceFiles(SERVER))
		for (const m of fs.readFileSync(file, 'utf8').matchAll(/entityType:\s*'([a-z_]+)'/g))
			found.add(m[1]);
	return [...found].sort();
}

describe('audit action names', () => {
	const actions = actionsInSource();

	it('finds the actions of every module in the source', () => {
		const modules = new Set(actions.map((a) => a.split('.')[0]));
		for (const m of ['pool', 'feedback', 'conversation', 'panels', 'councils', 'experts', 'fees'])
			expect(modules).toContain(m);
	});

	for (const locale of ['fi', 'sv', 'en'] as const)
		it(`names every action in ${locale}`, () => {
			const unnamed = actions.filter((a) => auditActionLabel(locale, a) === a);
			expect(unnamed).toEqual([]);
		});

	for (const locale of ['fi', 'sv', 'en'] as const)
		it(`names every object type in ${locale}`, () => {
			const unnamed = entityTypesInSource().filter(
				(type) => auditObjectView(auditObjects, locale, type, '1').label === type
			);
			expect(unnamed).toEqual([]);
		});
});
