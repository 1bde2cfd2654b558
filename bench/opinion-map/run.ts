/**
 * Opinion-map benchmark: `npx tsx bench/opinion-map/run.ts [--runs N]`.
 *
 * 1. Synthetic conversation (generate.ts: 10 000 participants × 1 000 statements, 1 000 000
 *    votes, planted groups): median wall time and CPU time of a full cold recompute, a warm
 *    update, peak RSS and heap, and ARI against the planted groups.
 * 2. The shared real Polis conversations (../shared/data/polis, if present): time per recompute
 *    and ARI / k against Polis's own `group-id`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adjustedRandIndex, compareGroupings } from '../../ml/opinion-map/adjusted-rand';
import { computeOpinionMap } from '../../ml/opinion-map/engine';
import { readPolisExport } from '../../ml/opinion-map/polis-export';
import type { Vote } from '../../ml/opinion-map/types';
import { generateConversation } from './generate';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const MB = 1024 * 1024;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall and CPU milliseconds of each run. */
function time<T>(runs: number, f: () => T): { wall: number[]; cpu: number[]; last: T } {
	const wall: number[] = [];
	const cpu: number[] = [];
	let last!: T;
	for (let i = 0; i < runs; i++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		last = f();
		wall.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	return { wall, cpu, last };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
let peakHeap = 0;
const sampleHeap = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));

console.log(`opinion-map benchmark (node ${process.version}, ${RUNS} runs each, medians)\n`);

const g0 = performance.now();
const { input, planted } = generateConversation();
const nVotes = input.votes.vote.length;
console.log(
	`synthetic: ${input.participants.length} participants × ${input.comments.length} statements, ` +
		`${nVotes} votes, ${input.modOut?.size ?? 0} moderated out (generated in ${fmt(performance.now() - g0)})`
);
const rssBefore = process.memoryUsage().rss;
computeOpinionMap(input); // warm-up: JIT
const cold = time(RUNS, () => {
	const r = computeOpinionMap(input);
	sampleHeap();
	return r;
});
const warm = time(RUNS, () => {
	const r = computeOpinionMap(input, cold.last.state);
	sampleHeap();
	return r;
});
const peakTyped = process.resourceUsage().maxRSS * 1024;
// The same votes as {pid, tid, vote} objects: what a caller without typed arrays would pass.
const records = Array.from({ length: nVotes }, (_, i) => ({
	pid: input.participants[input.votes.pidIndex[i]],
	tid: input.comments[input.votes.tidIndex[i]],
	vote: input.votes.vote[i] as Vote
}));
const objects = time(RUNS, () => computeOpinionMap({ ...input, votes: records }));
const res = cold.last.result;
const a: number[] = [];
const b: number[] = [];
const aActive: number[] = [];
const bActive: number[] = [];
for (const p of res.participants) {
	if (p.group === null) continue;
	a.push(p.group);
	b.push(planted[Number(p.pid)]);
	if (p.nVotes >= 50) {
		aActive.push(p.group);
		bActive.push(planted[Number(p.pid)]);
	}
}
const d = res.diagnostics;
console.log(
	`  full recompute (cold):   ${fmt(median(cold.wall))} wall, ${fmt(median(cold.cpu))} CPU   [runs: ${cold.wall.map(fmt).join(', ')}]`
);
console.log(
	`  warm update (same votes): ${fmt(median(warm.wall))} wall, ${fmt(median(warm.cpu))} CPU`
);
console.log(
	`  cold, votes as 1M objects: ${fmt(median(objects.wall))} wall, ${fmt(median(objects.cpu))} CPU`
);
console.log(
	`  peak RSS of the process ${(peakTyped / MB).toFixed(0)} MB over the typed-array runs ` +
		`(${(rssBefore / MB).toFixed(0)} MB before them: node, tsx and the input), ` +
		`${((process.resourceUsage().maxRSS * 1024) / MB).toFixed(0)} MB with the object input; ` +
		`heap used after a run ${(peakHeap / MB).toFixed(0)} MB`
);
console.log(
	`  k = ${res.k} (planted 3), clustered ${d.nClustered}, base clusters ${d.nBaseClusters}, ` +
		`PCA sweeps ${d.pcaIterations[0]}, base k-means steps ${d.baseIterations}, silhouettes ${Object.entries(
			d.silhouettes
		)
			.map(([k, s]) => `${k}:${s.toFixed(3)}`)
			.join(' ')}`
);
console.log(
	`  ARI vs planted groups: ${adjustedRandIndex(a, b).toFixed(3)} over all clustered, ` +
		`${adjustedRandIndex(aActive, bActive).toFixed(3)} over participants with ≥ 50 votes\n`
);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared', 'data', 'polis');
const conversations = [
	'bg2050-volunteers',
	'scoop-hivemind.biodiversity',
	'vtaiwan.uberx',
	'american-assembly.bowling-green'
];
console.log(`real conversations (${shared}):`);
for (const name of conversations) {
	const folder = path.join(shared, name);
	if (!existsSync(folder)) {
		console.log(`  ${name}: not present, skipped`);
		continue;
	}
	const p0 = performance.now();
	const exp = readPolisExport(folder);
	const parse = performance.now() - p0;
	computeOpinionMap(exp.input);
	const t = time(RUNS, () => computeOpinionMap(exp.input));
	const r = t.last.result;
	const ours = new Map<string, number>();
	for (const p of r.participants) if (p.group !== null) ours.set(p.pid, p.group);
	const cmp = compareGroupings(ours, exp.polisGroups);
	const polisK = new Set([...exp.polisGroups.values()].filter((g) => g !== null)).size;
	console.log(
		`  ${name.padEnd(32)} ${String(r.diagnostics.nParticipants).padStart(5)} × ${String(r.diagnostics.nComments).padStart(3)}, ` +
			`${String(r.diagnostics.nVotes).padStart(6)} votes: ${fmt(median(t.wall)).padStart(6)} (CSV parse ${fmt(parse)}), ` +
			`ARI ${cmp.ari.toFixed(3)} over ${cmp.overlap} (coverage ${(cmp.coverage * 100).toFixed(1)} %), k ${r.k} vs Polis ${polisK}`
	);
}
