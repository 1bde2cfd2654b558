/**
 * Command line: `tsx ml/opinion-map/cli.ts <folder with a Polis export>`.
 *
 * Reads participants-votes.csv and comments.csv, runs one cold opinion-map update and prints one
 * JSON object to stdout:
 *   {"k": 2, "groups": {"<pid>": 0, ...}, "repness": {"0": ["<tid>", ...]},
 *    "consensus": {"agree": [...], "disagree": [...]}}
 * Participants who are not clustered are left out of `groups`. Errors go to stderr, exit code 1.
 */
import { computeOpinionMap } from './engine';
import { readPolisExport } from './polis-export';
import type { OpinionMapResult } from './types';

interface CliOutput {
	k: number;
	groups: Record<string, number>;
	repness: Record<string, string[]>;
	consensus: { agree: string[]; disagree: string[] };
}

function toCliOutput(result: OpinionMapResult): CliOutput {
	const groups: Record<string, number> = {};
	for (const p of result.participants) if (p.group !== null) groups[p.pid] = p.group;
	const repness: Record<string, string[]> = {};
	result.repness.forEach((rs, g) => {
		repness[String(g)] = rs.map((r) => r.tid);
	});
	return {
		k: result.k,
		groups,
		repness,
		consensus: {
			agree: result.consensus.agree.map((c) => c.tid),
			disagree: result.consensus.disagree.map((c) => c.tid)
		}
	};
}

function main(argv: string[]): number {
	const folder = argv[0];
	if (!folder || argv.length > 1) {
		process.stderr.write(
			'usage: opinion-map <folder with participants-votes.csv and comments.csv>\n'
		);
		return 1;
	}
	try {
		const { input } = readPolisExport(folder);
		const { result } = computeOpinionMap(input);
		process.stdout.write(JSON.stringify(toCliOutput(result)) + '\n');
		return 0;
	} catch (e) {
		process.stderr.write(`opinion-map: ${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code !== 'EPIPE') throw e;
});
process.exitCode = main(process.argv.slice(2));
