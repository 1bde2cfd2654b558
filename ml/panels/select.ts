/**
 * One call from specification to drawn panel: validate, diagnose infeasible quotas, compute the
 * selection probabilities (LEXIMIN, or the legacy greedy method estimated by repetition), draw.
 */
import { buildInstance, quotaCounts, byCodeUnit } from './instance';
import { commitment, distributionHash, drawPanel } from './draw';
import { diagnose, type QuotaRelaxation } from './diagnose';
import { leximin, type LeximinOptions } from './leximin';
import { LegacyPool, estimateLegacy } from './legacy';
import { seededRng } from './prng';
import type { LeximinStats, PanelInstance, PanelSpec } from './types';

export const ENGINE_VERSION = 'osallistu-panels/1 (highs 1.15)';

export class InfeasibleQuotasError extends Error {
	constructor(
		readonly relaxations: QuotaRelaxation[],
		readonly withinFlex: boolean
	) {
		super('no panel meets all quotas');
		this.name = 'InfeasibleQuotasError';
	}
}

export interface QuotaOutcome {
	category: string;
	value: string;
	min: number;
	max: number;
	/** Volunteers in the pool with this value. */
	pool: number;
	/** Seats on the drawn panel. */
	selected: number;
	/** Expected seats under the distribution. */
	expected: number;
}

export interface PanelSelection {
	algorithm: 'leximin' | 'legacy';
	seed: string;
	commitment: string;
	engine: string;
	selected: string[];
	probabilities: Map<string, number>;
	minProbability: number;
	quotaTable: QuotaOutcome[];
	/** Volunteers on no quota-feasible panel (probability 0). */
	unselectable: string[];
	/** LEXIMIN: distribution size and hash; legacy: the number of draws behind the estimate. */
	panelsInDistribution?: number;
	distributionHash?: string;
	legacyDraws?: number;
	stats?: LeximinStats;
	types: number;
}

export interface SelectOptions {
	algorithm?: 'leximin' | 'legacy';
	seed: string;
	leximin?: LeximinOptions;
	/** Repetitions behind the legacy probabilities. Default 10 000. */
	legacyDraws?: number;
}

export async function selectPanel(spec: PanelSpec, opts: SelectOptions): Promise<PanelSelection> {
	const algorithm = opts.algorithm ?? 'leximin';
	const inst = buildInstance(spec);
	const d = await diagnose(inst);
	if (!d.feasible) throw new InfeasibleQuotasError(d.relaxations, d.withinFlex);
	const base = {
		algorithm,
		seed: opts.seed,
		commitment: commitment(spec, algorithm),
		engine: ENGINE_VERSION,
		types: inst.types.length
	};
	if (algorithm === 'leximin') {
		const r = await leximin(inst, opts.leximin);
		const probabilities = new Map<string, number>();
		inst.types.forEach((t, i) =>
			t.members.forEach((id) => probabilities.set(id, r.typeProbabilities[i]))
		);
		const selected = drawPanel(inst, r.distribution, opts.seed);
		return {
			...base,
			selected,
			probabilities: sortedMap(probabilities),
			minProbability: Math.min(...r.typeProbabilities),
			quotaTable: quotaTable(inst, selected, probabilities),
			unselectable: r.unselectable.flatMap((t) => inst.types[t].members),
			panelsInDistribution: r.distribution.panels.length,
			distributionHash: distributionHash(inst, r.distribution),
			stats: r.stats
		};
	}
	const pool = new LegacyPool(inst);
	const rng = seededRng(opts.seed);
	// The panel is the first draw of the stream; the estimate uses the draws after it.
	const selected = pool.draw(rng).sort(byCodeUnit);
	const est = estimateLegacy(pool, rng, opts.legacyDraws ?? 10_000);
	return {
		...base,
		selected,
		probabilities: sortedMap(est.probabilities),
		minProbability: Math.min(...est.probabilities.values()),
		quotaTable: quotaTable(inst, selected, est.probabilities),
		unselectable: [],
		legacyDraws: est.draws
	};
}

function sortedMap(m: Map<string, number>): Map<string, number> {
	return new Map([...m.entries()].sort((a, b) => byCodeUnit(a[0], b[0])));
}

export function quotaTable(
	inst: PanelInstance,
	selected: readonly string[],
	probabilities: Map<string, number>
): QuotaOutcome[] {
	const typeOf = new Map<string, number>();
	inst.types.forEach((t, i) => t.members.forEach((id) => typeOf.set(id, i)));
	const panel = new Int32Array(inst.types.length);
	for (const id of selected) panel[typeOf.get(id)!]++;
	const seats = quotaCounts(inst, panel);
	const pool = quotaCounts(
		inst,
		Int32Array.from(inst.types, (t) => t.members.length)
	);
	const expected = inst.categories.map((c) => new Array<number>(c.values.length).fill(0));
	inst.types.forEach((t) =>
		t.members.forEach((id) =>
			t.valueIndex.forEach((v, c) => (expected[c][v] += probabilities.get(id) ?? 0))
		)
	);
	return inst.categories.flatMap((cat, c) =>
		cat.values.map((q, v) => ({
			category: cat.name,
			value: q.value,
			min: q.min,
			max: q.max,
			pool: pool[c][v],
			selected: seats[c][v],
			expected: expected[c][v]
		}))
	);
}
