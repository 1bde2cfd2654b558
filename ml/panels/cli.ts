/**
 * Command line:
 *   npm run --silent panel-select -- <volunteers.csv> <quotas.csv> --size N --seed S
 *        [--algorithm leximin|legacy] [--household COLUMN[,COLUMN…]] [--legacy-draws N] [--verbose]
 *
 * Prints exactly one JSON object on stdout:
 *   {"selected": [ids], "probabilities": {id: p}, "algorithm": "leximin", "seed": …,
 *    "commitment": sha256, "minProbability": …, "quotas": [{category, value, min, max, pool,
 *    selected, expected}], …}
 * Bad input and infeasible quotas: the problems on stderr (file and line, or the quota and the
 * change that would make it feasible), exit code 2, nothing on stdout. Other failures: exit 1.
 */
import { readFileSync } from 'node:fs';
import { parseQuotasCsv, parseVolunteersCsv } from './csv';
import { describeRelaxation } from './diagnose';
import { PanelInputError } from './instance';
import { InfeasibleQuotasError, selectPanel } from './select';

const USAGE =
	'usage: panel-select <volunteers.csv> <quotas.csv> --size N --seed S [--algorithm leximin|legacy] [--household COL[,COL]] [--legacy-draws N] [--verbose]';

class UsageError extends Error {}

function parseArgs(argv: string[]) {
	const files: string[] = [];
	const flags = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--verbose') flags.set('verbose', '1');
		else if (a.startsWith('--')) {
			const [name, inline] = a.slice(2).split('=', 2);
			const value = inline ?? argv[++i];
			if (value === undefined) throw new UsageError(`--${name} needs a value`);
			if (!['size', 'seed', 'algorithm', 'household', 'legacy-draws'].includes(name))
				throw new UsageError(`unknown option --${name}`);
			flags.set(name, value);
		} else files.push(a);
	}
	if (files.length !== 2) throw new UsageError('give the volunteers file and the quotas file');
	const size = flags.get('size');
	if (size === undefined || !/^\d+$/.test(size) || Number(size) < 1)
		throw new UsageError('--size must be a positive whole number');
	const seed = flags.get('seed');
	if (seed === undefined || seed === '') throw new UsageError('--seed is required');
	const algorithm = flags.get('algorithm') ?? 'leximin';
	if (algorithm !== 'leximin' && algorithm !== 'legacy')
		throw new UsageError(`--algorithm must be leximin or legacy, not '${algorithm}'`);
	const draws = flags.get('legacy-draws');
	if (draws !== undefined && (!/^\d+$/.test(draws) || Number(draws) < 1))
		throw new UsageError('--legacy-draws must be a positive whole number');
	return {
		volunteersFile: files[0],
		quotasFile: files[1],
		size: Number(size),
		seed,
		algorithm: algorithm as 'leximin' | 'legacy',
		household: flags
			.get('household')
			?.split(',')
			.map((s) => s.trim())
			.filter(Boolean),
		legacyDraws: draws === undefined ? undefined : Number(draws),
		verbose: flags.has('verbose')
	};
}

function read(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (e) {
		throw new PanelInputError([
			`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)}`
		]);
	}
}

async function main(argv: string[]): Promise<number> {
	try {
		const args = parseArgs(argv);
		const quotas = parseQuotasCsv(read(args.quotasFile), args.quotasFile);
		const volunteers = parseVolunteersCsv(read(args.volunteersFile), quotas, {
			file: args.volunteersFile,
			householdColumns: args.household
		});
		const log = args.verbose
			? (l: string) => process.stderr.write(`panel-select: ${l}\n`)
			: undefined;
		const r = await selectPanel(
			{ volunteers, quotas, size: args.size },
			{
				algorithm: args.algorithm,
				seed: args.seed,
				legacyDraws: args.legacyDraws,
				leximin: { log }
			}
		);
		const out = {
			selected: r.selected,
			probabilities: Object.fromEntries(r.probabilities),
			algorithm: r.algorithm,
			seed: r.seed,
			commitment: r.commitment,
			engine: r.engine,
			size: args.size,
			minProbability: r.minProbability,
			quotas: r.quotaTable,
			unselectable: r.unselectable,
			types: r.types,
			...(r.algorithm === 'leximin'
				? {
						panelsInDistribution: r.panelsInDistribution,
						distributionHash: r.distributionHash,
						stats: r.stats
					}
				: { legacyDraws: r.legacyDraws })
		};
		process.stdout.write(JSON.stringify(out) + '\n');
		return 0;
	} catch (e) {
		if (e instanceof UsageError) {
			process.stderr.write(`panel-select: ${e.message}\n${USAGE}\n`);
			return 2;
		}
		if (e instanceof PanelInputError) {
			for (const p of e.problems) process.stderr.write(`panel-select: ${p}\n`);
			return 2;
		}
		if (e instanceof InfeasibleQuotasError) {
			process.stderr.write(
				`panel-select: no panel meets all quotas${e.withinFlex ? '' : ' (not even within min_flex/max_flex)'}; the smallest change that allows one:\n`
			);
			for (const r of e.relaxations)
				process.stderr.write(`panel-select:   ${describeRelaxation(r)}\n`);
			return 2;
		}
		process.stderr.write(`panel-select: ${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code !== 'EPIPE') throw e;
});
process.exitCode = await main(process.argv.slice(2));
