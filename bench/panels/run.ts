/**
 * Panel-selection benchmark: `npm run bench:panels [-- --volunteers 2000 --size 100 --draws 10000]`
 * (`--multi-start N`: swap searches per column-generation round, the engine's default otherwise).
 *
 * On a generated pool (generate.ts: 8 correlated categories, quotas from population shares):
 * - time to the first LEXIMIN stage (the max-min probability) and its gap to the LP bound;
 * - time of the full LEXIMIN (every stage and the final LP);
 * - LEXIMIN's smallest selection probability against the legacy greedy method's, estimated by
 *   repeating the greedy draw;
 * - the load average before and after (the machine may be shared).
 * `--legacy-only` skips LEXIMIN (the greedy estimate alone takes seconds).
 */
import { loadavg } from 'node:os';
import { buildInstance } from '../../ml/panels/instance';
import { leximin } from '../../ml/panels/leximin';
import { LegacyPool, estimateLegacy } from '../../ml/panels/legacy';
import { seededRng } from '../../ml/panels/prng';
import { generatePool } from './generate';

const arg = (name: string, dflt: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const nVol = arg('volunteers', 2000);
const size = arg('size', 100);
const draws = arg('draws', 10_000);
const multiStart = arg('multi-start', Number.NaN);
const load = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');

console.log(`panels benchmark (node ${process.version}); load average ${load()}`);
const pool = generatePool({ volunteers: nVol, size });
const inst = buildInstance(pool);
console.log(
	`pool: ${nVol} volunteers, panel ${size}, ${inst.categories.length} categories, ` +
		`${inst.categories.reduce((s, c) => s + c.values.length, 0)} quotas, ${inst.types.length} types`
);

const legacyOnly = process.argv.includes('--legacy-only');
const cpu0 = process.cpuUsage();
const r = legacyOnly
	? null
	: await leximin(inst, {
			...(Number.isNaN(multiStart) ? {} : { multiStart }),
			log: (l) => console.log(`  ${l}`),
			onFirstStage: ({ ms, value, bound }) =>
				console.log(
					`first stage: ${(ms / 1000).toFixed(1)} s wall, min probability ${value.toFixed(6)}, ` +
						`LP bound ${bound.toFixed(6)} (gap ${((100 * (bound - value)) / bound).toFixed(4)} %); load average ${load()}`
				)
		});
let minLex = Number.NaN;
if (r) {
	const cpu = process.cpuUsage(cpu0);
	const s = r.stats;
	console.log(
		`full LEXIMIN: ${(s.totalMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; ${s.stages} stages, ` +
			`${s.panelsGenerated} panels generated, ${r.distribution.panels.length} in the distribution, ${s.pricingSolves} pricing MILPs, ${s.reductions} reductions`
	);
	minLex = Math.min(...r.typeProbabilities);
	console.log(`LEXIMIN min probability ${minLex.toFixed(6)}; load average ${load()}`);
}
const g0 = performance.now();
const legacy = new LegacyPool(inst);
const est = estimateLegacy(legacy, seededRng('bench-legacy'), draws);
let minLegacy = Infinity;
let zero = 0;
for (const p of est.probabilities.values()) {
	minLegacy = Math.min(minLegacy, p);
	if (p === 0) zero++;
}
console.log(
	`legacy greedy (${draws} draws, ${((performance.now() - g0) / 1000).toFixed(1)} s): min estimated probability ${minLegacy.toFixed(6)} ` +
		`(${zero} volunteers never drawn); LEXIMIN ${minLex.toFixed(6)}`
);
console.log(`load average at the end ${load()}`);
