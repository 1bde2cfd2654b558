/**
 * Fidelity of the opinion-map engine against Polis's own groups (`group-id` in the openData
 * participants-votes.csv), plus an end-to-end run of the command line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareGroupings } from '../../ml/opinion-map/adjusted-rand';
import { computeOpinionMap } from '../../ml/opinion-map/engine';
import { readPolisExport } from '../../ml/opinion-map/polis-export';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared', 'data', 'polis');
const fixture = path.join(repoRoot, 'tests', 'fixtures', 'polis', 'bg2050-volunteers');

function fidelity(folder: string) {
	const { input, polisGroups } = readPolisExport(folder);
	const { result } = computeOpinionMap(input);
	const ours = new Map<string, number>();
	for (const p of result.participants) if (p.group !== null) ours.set(p.pid, p.group);
	const polisK = new Set([...polisGroups.values()].filter((g) => g !== null)).size;
	return { k: result.k, polisK, ...compareGroupings(ours, polisGroups) };
}

describe('opinion map reproduces Polis groups', () => {
	it('on the bundled bg2050-volunteers fixture', () => {
		const f = fidelity(fixture);
		expect(f.k).toBe(f.polisK);
		expect(f.ari).toBeGreaterThanOrEqual(0.9);
		expect(f.coverage).toBeGreaterThanOrEqual(0.95);
	});

	for (const name of ['bg2050-volunteers', 'scoop-hivemind.biodiversity', 'vtaiwan.uberx']) {
		const folder = path.join(shared, name);
		it.skipIf(!existsSync(folder))(`on ${name} (shared data)`, () => {
			const f = fidelity(folder);
			expect(f.k).toBe(f.polisK);
			expect(f.ari).toBeGreaterThanOrEqual(0.9);
			expect(f.coverage).toBeGreaterThanOrEqual(0.95);
		});
	}

	// Computed by an older Polis (2018); one split falls elsewhere. A regression guard only.
	const bowlingGreen = path.join(shared, 'american-assembly.bowling-green');
	it.skipIf(!existsSync(bowlingGreen))('on american-assembly.bowling-green (older Polis)', () => {
		const f = fidelity(bowlingGreen);
		expect(f.k).toBe(f.polisK);
		expect(f.ari).toBeGreaterThanOrEqual(0.5);
	});
});

describe('opinion-map command line', () => {
	const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
	const run = (...args: string[]) =>
		spawnSync(tsx, ['ml/opinion-map/cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });

	it('prints one JSON object with k, groups, repness and consensus', () => {
		const out = run('tests/fixtures/polis/bg2050-volunteers');
		expect(out.stderr).toBe('');
		expect(out.status).toBe(0);
		const json = JSON.parse(out.stdout) as {
			k: number;
			groups: Record<string, number>;
			repness: Record<string, string[]>;
			consensus: { agree: string[]; disagree: string[] };
		};
		expect(Object.keys(json)).toEqual(['k', 'groups', 'repness', 'consensus']);
		expect(json.k).toBe(2);
		for (const g of Object.values(json.groups)) expect(g >= 0 && g < json.k).toBe(true);
		expect(Object.keys(json.repness).sort()).toEqual(['0', '1']);
		for (const reps of Object.values(json.repness)) {
			expect(reps.length).toBeGreaterThan(0);
			expect(reps.length).toBeLessThanOrEqual(5);
			for (const t of reps) expect(typeof t).toBe('string');
		}
		expect(json.consensus.agree.length).toBeLessThanOrEqual(5);
		expect(json.consensus.disagree.length).toBeLessThanOrEqual(5);

		const { polisGroups } = readPolisExport(fixture);
		const f = compareGroupings(new Map(Object.entries(json.groups)), polisGroups);
		expect(f.ari).toBeGreaterThanOrEqual(0.9);
		// Participants who are not clustered are left out.
		expect(Object.keys(json.groups).length).toBeLessThan(polisGroups.size);
	});

	it('fails with a message and exit code 1 on a missing folder', () => {
		const out = run('tests/fixtures/polis/no-such-conversation');
		expect(out.status).toBe(1);
		expect(out.stdout).toBe('');
		expect(out.stderr).toMatch(/no-such-conversation: no such folder/);
	});

	it('names the line of a malformed CSV', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'opinion-map-'));
		try {
			writeFileSync(
				path.join(dir, 'participants-votes.csv'),
				'participant,group-id,0,1\n1,0,1,-1\n2,0,1,maybe\n'
			);
			writeFileSync(path.join(dir, 'comments.csv'), 'comment-id,moderated\n0,1\n1,1\n');
			const out = run(dir);
			expect(out.status).toBe(1);
			expect(out.stdout).toBe('');
			expect(out.stderr).toMatch(/participants-votes\.csv:3: vote "maybe"/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
