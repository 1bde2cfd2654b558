import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'panel-select-'));
const file = (name: string, text: string) => {
	const p = path.join(dir, name);
	writeFileSync(p, text);
	return p;
};
const vol = file(
	'volunteers.csv',
	'id,gender,age,street,zip\na,f,young,Katu 1,33100\nb,f,old,Katu 2,33100\nc,m,young,Tie 3,33200\nd,m,old,Tie 3,33200\ne,f,young,Polku 4,33300\nf,m,old,Polku 5,33300\ng,f,old,Polku 6,33300\n'
);
const quo = file(
	'quotas.csv',
	'feature,value,min,max\ngender,f,1,2\ngender,m,1,2\nage,young,1,2\nage,old,1,2\n'
);

function run(...args: string[]) {
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', path.join(import.meta.dirname, 'cli.ts'), ...args],
		{ encoding: 'utf8' }
	);
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('panel-select command line', () => {
	it('prints one JSON object with the panel and every probability, the same for the same seed', () => {
		const a = run(vol, quo, '--size', '3', '--seed', '2026-12-01', '--household', 'street,zip');
		expect(a.stderr).toBe('');
		expect(a.code).toBe(0);
		const out = JSON.parse(a.stdout);
		expect(out.algorithm).toBe('leximin');
		expect(out.selected).toHaveLength(3);
		expect(Object.keys(out.probabilities).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		const total = Object.values(out.probabilities as Record<string, number>).reduce(
			(s, p) => s + p,
			0
		);
		expect(total).toBeCloseTo(3, 9);
		expect(out.selected.includes('c') && out.selected.includes('d')).toBe(false);
		expect(out.commitment).toMatch(/^[0-9a-f]{64}$/);
		for (const q of out.quotas) {
			expect(q.selected).toBeGreaterThanOrEqual(q.min);
			expect(q.selected).toBeLessThanOrEqual(q.max);
		}
		const b = run(vol, quo, '--size', '3', '--seed', '2026-12-01', '--household', 'street,zip');
		expect(JSON.parse(b.stdout).selected).toEqual(out.selected);
	});

	it('runs the legacy baseline', () => {
		const r = run(
			vol,
			quo,
			'--size',
			'3',
			'--seed',
			's',
			'--algorithm',
			'legacy',
			'--legacy-draws',
			'500'
		);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out).toMatchObject({ algorithm: 'legacy', legacyDraws: 500 });
		expect(out.selected).toHaveLength(3);
	});

	// The other refusals are unit-tested in input.spec.ts; each spawn here costs a tsx start.
	it('refuses bad input with exit code 2, the row named on stderr, nothing on stdout', () => {
		const cases: [string[], RegExp][] = [
			[
				[file('dup.csv', 'id,gender,age\na,f,young\na,m,old\n'), quo, '--size', '1', '--seed', 's'],
				/dup\.csv line 3: duplicate id 'a'/
			],
			[
				[
					vol,
					file('unknown.csv', 'category,value,min,max\nregion,north,0,1\n'),
					'--size',
					'3',
					'--seed',
					's'
				],
				/unknown\.csv line 2: unknown category 'region'/
			],
			[[vol, quo, '--size', '3'], /--seed is required/],
			[
				[
					vol,
					file(
						'conflict.csv',
						'category,value,min,max\ngender,f,3,3\ngender,m,0,3\nage,young,3,3\nage,old,0,3\n'
					),
					'--size',
					'3',
					'--seed',
					's'
				],
				/no panel meets all quotas.*\n.*lower min from 3 to \d/
			]
		];
		for (const [args, message] of cases) {
			const r = run(...args);
			expect(r.stdout).toBe('');
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(message);
		}
	});
});
