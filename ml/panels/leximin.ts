/**
 * LEXIMIN: Flanigan, Gölz, Gupta, Hennig & Procaccia, "Fair algorithms for selecting citizens'
 * assemblies", Nature 596, 548–552 (2021), Methods and Supplementary Information; reference
 * implementation `find_distribution_leximin` in the Sortition Foundation's `stratification.py`
 * (stratification-app, later `sortition-algorithms`). Among all probability distributions over
 * quota-feasible panels, choose the one whose vector of selection probabilities is
 * lexicographically largest when sorted ascending: maximise the smallest probability, then the
 * next smallest, and so on.
 *
 * Faithful to the reference, with HiGHS for Gurobi and types for persons:
 *
 * 1. Initial panels by multiplicative weights (`_generate_initial_committees`): repeatedly the
 *    panel of largest weight, the weight of its members then ×0.8, rescaled; a repeated panel
 *    mixes the weights back towards 1 (0.9 w + 0.1). Then one panel for every type not yet on a
 *    panel, or the type is marked unselectable (no feasible panel holds it).
 * 2. Outer loop (stages). With F the types whose probability is fixed so far, the primal LP over
 *    the panels P found so far,
 *        max z  s.t.  π_t(x) ≥ z (t ∉ F),  π_t(x) ≥ f_t (t ∈ F),  Σ_P x_P ≤ 1,  x ≥ 0,
 *    where π_t(x) = Σ_P x_P · c_t(P) / |t| is the probability of each member of type t,
 *    is solved through its dual (`_dual_leximin_stage`):
 *        min ŷ − Σ_{t∈F} f_t y_t  s.t.  Σ_t y_t c_t(P)/|t| ≤ ŷ  ∀P,  Σ_{t∉F} y_t = 1,  y, ŷ ≥ 0.
 * 3. Column generation (inner loop): the dual's y are type weights; the pricing MILP finds the
 *    feasible panel maximising Σ_t (y_t/|t|) c_t. If its value exceeds ŷ, that panel's
 *    constraint is violated: add it and re-solve. Otherwise the stage is optimal over all panels
 *    (the MILP value bounds the true optimum: z* ≤ dual objective + value − ŷ).
 * 4. Every unfixed type with y_t > 0 is tight in every optimal primal solution (complementary
 *    slackness), so its probability is fixed at the stage optimum. As in the reference, the
 *    dual is solved by an interior-point method without crossover for this step, whose
 *    solution is (nearly) strictly complementary and so fixes as many types per stage as
 *    possible. If the fixed probabilities become infeasible by rounding, all are lowered by
 *    1e-4 and the stage re-solved (the reference's "REDUCE PROBS").
 * 5. Final primal LP over all panels found: min ε s.t. π_t(x) ≥ f_t − ε, Σ x_P = 1; the
 *    solution is clipped to [0, 1] and renormalised.
 *
 * Types: volunteers with equal values in every quota category (and no housemate in the pool)
 * are interchangeable, so the (unique) leximin probability vector gives them one probability,
 * and a leximin solution over types — a panel being a count c_t per type, members drawn
 * uniformly within each type — is one over persons. The LP has one row per type instead of per
 * person and the pricing MILP one bounded integer per type instead of one binary per person.
 * Volunteers who share a household with another volunteer are types of their own.
 */
import type { Model } from 'highs';
import { PanelModel, SolverError, SwapSearch, highs, panelKey, OPTIMAL } from './solver';
import type { Distribution, LeximinStats, PanelInstance } from './types';
import { byCodeUnit } from './instance';

export interface LeximinOptions {
	/** Multiplicative-weights rounds for the initial panels. Default: the reference's 3 × (number of types). */
	initialRounds?: number;
	/**
	 * Column generation stops when no panel beats the dual's ŷ by more than this (probability
	 * units; the reference uses 0.0005). Default 1e-6.
	 */
	gapTolerance?: number;
	/** A type is fixed when its dual weight exceeds this (weights sum to 1). Default 1e-4. */
	fixTolerance?: number;
	/**
	 * How much all fixed probabilities are lowered when rounding makes them infeasible. The
	 * reference uses 1e-4; the values fixed here come from a simplex vertex, so a far smaller
	 * step is enough. Default 1e-6.
	 */
	reduceStep?: number;
	/**
	 * Swap searches per column-generation round, from the heaviest known panels. Default 40: a
	 * panel is a column of the primal stage LP, cheap to add, and more per round means fewer LP
	 * re-solves (500-volunteer bench pool, stages 1–3: 20 LP solves instead of 61 with 10).
	 */
	multiStart?: number;
	/** Called once the max-min probability is proved, with the LP upper bound. */
	onFirstStage?: (s: { ms: number; value: number; bound: number }) => void;
	/** Progress lines (to stderr in the command line). */
	log?: (line: string) => void;
}

export interface LeximinResult {
	/** Probability of each member of type t. */
	typeProbabilities: Float64Array;
	distribution: Distribution;
	/** Type indices on no feasible panel. */
	unselectable: number[];
	stats: LeximinStats;
}

/** Panel weight of each member of each type: weights per type to weights per seat. */
function perSeat(y: ArrayLike<number>, inst: PanelInstance): Float64Array {
	return Float64Array.from(inst.types, (t, i) => y[i] / t.members.length);
}

export async function leximin(
	inst: PanelInstance,
	options: LeximinOptions = {}
): Promise<LeximinResult> {
	const h = await highs();
	const T = inst.types.length;
	const gapTol = options.gapTolerance ?? 1e-6;
	const fixTol = options.fixTolerance ?? 1e-4;
	const log = options.log ?? (() => {});
	const reduceStep = options.reduceStep ?? 1e-6;
	const multiStart = options.multiStart ?? 40;
	const t0 = performance.now();
	const size = Float64Array.from(inst.types, (t) => t.members.length);
	const N = inst.poolSize;

	const pm = new PanelModel(h, inst);
	const timing = { simplex: 0, ipm: 0 };
	let dual: Model | undefined;
	try {
		const panels: Int32Array[] = [];
		const known = new Set<string>();
		const covered = new Uint8Array(T);
		const add = (p: Int32Array): boolean => {
			const k = panelKey(p);
			if (known.has(k)) return false;
			known.add(k);
			panels.push(p);
			p.forEach((c, i) => c > 0 && (covered[i] = 1));
			return true;
		};
		let pricingSolves = 1;

		// 1. Initial panels: multiplicative weights on per-person weights ω_t. The reference solves a
		// MILP in every round; here a swap local search from the previous panel finds the heavy
		// panel (a heuristic phase either way: column generation below is what is exact).
		const swap = new SwapSearch(inst);
		const rounds = options.initialRounds ?? 3 * T;
		const omega = new Float64Array(T).fill(1);
		const first = pm.best(omega);
		if (!first) throw new SolverError('no panel meets all quotas (run diagnose first)');
		let current = first.panel;
		add(current);
		for (let r = 0; r < rounds; r++) {
			current = swap.improve(current, omega);
			// Members of the panel lose 20 % of their weight: on average over the type, c_t/|t| of it.
			for (let i = 0; i < T; i++) omega[i] *= 1 - (0.2 * current[i]) / size[i];
			let total = 0;
			for (let i = 0; i < T; i++) total += omega[i] * size[i];
			for (let i = 0; i < T; i++) omega[i] *= N / total;
			if (!add(current)) for (let i = 0; i < T; i++) omega[i] = 0.9 * omega[i] + 0.1;
		}
		const unselectable: number[] = [];
		for (let t = 0; t < T; t++) {
			if (covered[t]) continue;
			const e = new Float64Array(T);
			e[t] = 1;
			const best = pm.best(e);
			pricingSolves++;
			if (best && best.panel[t] > 0) add(best.panel);
			else unselectable.push(t);
		}
		const initialMs = performance.now() - t0;
		log(
			`initial panels: ${panels.length} from ${rounds} rounds, ${unselectable.length} unselectable types, ${initialMs.toFixed(0)} ms`
		);

		// 2. The stage LP, kept in one HiGHS model in its primal form (the reference keeps the dual):
		// column 0 is z, column 1 + j the weight x_j of panel j; row t (t < T) is π_t(x) − z ≥ 0
		// while t is unfixed and π_t(x) ≥ f_t once fixed, row T is Σ_j x_j ≤ 1; minimise −z. Its
		// row duals are the reference's dual variables: y_t on row t (Σ_{t∉F} y_t = 1, the dual
		// row of z) and ŷ = −(dual of row T). A new panel is a new column: the last basis stays
		// primal feasible and the basis matrix stays (T+1) × (T+1), however many panels there are
		// (the dual form's basis grows with every panel, which made the later stages slow).
		const d = h.createModel();
		dual = d;
		d.options.set({ output_flag: false });
		d.addVars(new Float64Array([-h.infinity]), new Float64Array([h.infinity]));
		d.changeColCost(0, -1);
		for (let t = 0; t < T; t++) d.addRow(0, h.infinity, { indices: [0], values: [-1] });
		d.addRow(-h.infinity, 1, { indices: [], values: [] });
		let colsInLp = 1;
		const addPanelCol = (p: Int32Array) => {
			const idx: number[] = [];
			const val: number[] = [];
			for (let i = 0; i < T; i++)
				if (p[i] > 0) {
					idx.push(i);
					val.push(p[i] / size[i]);
				}
			idx.push(T);
			val.push(1);
			d.addCol(0, 0, h.infinity, { indices: idx, values: val });
			colsInLp++;
		};
		for (const p of panels) addPanelCol(p);

		const fixed = new Float64Array(T).fill(Number.NaN);
		let nFixed = 0;
		const fix = (t: number, value: number) => {
			fixed[t] = value;
			nFixed++;
			d.changeCoefficient(t, 0, 0);
			d.changeRowBounds(t, value, h.infinity);
		};
		// Types on no panel are fixed at 0 at once (the first stage would do the same).
		for (const t of unselectable) fix(t, 0);
		const setFixedBounds = () => {
			for (let t = 0; t < T; t++)
				if (!Number.isNaN(fixed[t])) d.changeRowBounds(t, fixed[t], h.infinity);
		};
		/** The dual of the last solve: type weights y, ŷ, and the stage value z. */
		const dualSolution = () => {
			const rd = d.getSolution().rowDual;
			return { y: rd.slice(0, T), yHat: -rd[T], value: -d.getObjectiveValue() };
		};

		const weight = (p: ArrayLike<number>, w: ArrayLike<number>) => {
			let v = 0;
			for (let i = 0; i < T; i++) if (p[i]) v += p[i] * w[i];
			return v;
		};
		const heaviestKnown = (w: ArrayLike<number>, m: number): Int32Array[] => {
			const top: { v: number; p: Int32Array }[] = [];
			if (m <= 0) return top.map((x) => x.p);
			for (const p of panels) {
				const v = weight(p, w);
				if (top.length < m || v > top[top.length - 1].v) {
					top.push({ v, p });
					top.sort((a, b) => b.v - a.v);
					if (top.length > m) top.pop();
				}
			}
			return top.map((x) => x.p);
		};
		const solveLp = (interior: boolean): boolean => {
			d.options.set(
				interior
					? { solver: 'ipm', run_crossover: 'off' }
					: // Primal simplex: new panels are new columns, so the last basis stays primal
						// feasible. On the 500-volunteer bench pool HiGHS's dual simplex needed
						// 1 000–3 000 iterations per re-solve here, the primal 300–600.
						{ solver: 'simplex', simplex_strategy: 4 }
			);
			const t1 = performance.now();
			const status = d.run().modelStatus;
			timing[interior ? 'ipm' : 'simplex'] += performance.now() - t1;
			if (status !== OPTIMAL) log(`stage LP status ${status} (${interior ? 'ipm' : 'simplex'})`);
			return status === OPTIMAL;
		};

		// Per-stage work, for the progress log (issue #13: where the later stages spend their time).
		const st = { iters: 0, lp: 0, lpMs: 0, swapMs: 0, swapAdded: 0, milp: 0, milpMs: 0, ipmMs: 0 };
		const resetStage = () =>
			Object.assign(st, {
				iters: 0,
				lp: 0,
				lpMs: 0,
				swapMs: 0,
				swapAdded: 0,
				milp: 0,
				milpMs: 0,
				ipmMs: 0
			});
		let stages = 0;
		let reductions = 0;
		let firstStageMs = 0;
		let firstStageValue = Number.NaN;
		let firstStageBound = Number.NaN;
		while (nFixed < T) {
			stages++;
			resetStage();
			const fixedBefore = nFixed;
			for (;;) {
				const l0 = performance.now();
				const lpOk = solveLp(false);
				st.lp++;
				st.lpMs += performance.now() - l0;
				st.iters += Number(d.info.get('simplex_iteration_count') ?? 0);
				if (!lpOk) {
					if (reductions > 1000)
						throw new SolverError('the leximin LP stays infeasible after 1000 reductions');
					// The fixed probabilities are (by rounding) slightly infeasible: lower them all.
					for (let t = 0; t < T; t++)
						if (!Number.isNaN(fixed[t])) fixed[t] = Math.max(0, fixed[t] - reduceStep);
					setFixedBounds();
					reductions++;
					continue;
				}
				const { y, yHat, value: dualObj } = dualSolution();
				const w = perSeat(y, inst);
				// Violated panel constraints from the swap search, started from the heaviest known
				// panels, spare MILPs; adding several per round spares LP re-solves.
				let added = 0;
				const s0 = performance.now();
				for (const start of heaviestKnown(w, multiStart)) {
					const cand = swap.improve(start, w);
					if (weight(cand, w) > yHat + gapTol && add(cand)) {
						addPanelCol(cand);
						added++;
					}
				}
				st.swapMs += performance.now() - s0;
				st.swapAdded += added;
				if (added > 0) continue;
				const m0 = performance.now();
				const best = pm.best(w);
				st.milp++;
				st.milpMs += performance.now() - m0;
				pricingSolves++;
				if (!best) throw new SolverError('panel MILP became infeasible');
				if (best.value > yHat + gapTol) {
					if (!add(best.panel))
						throw new SolverError('pricing returned a known panel above the LP bound');
					addPanelCol(best.panel);
					continue;
				}
				// The stage is optimal over all panels: z* ∈ [dualObj, dualObj + bound − ŷ].
				if (Number.isNaN(firstStageValue)) {
					firstStageMs = performance.now() - t0;
					firstStageValue = dualObj;
					firstStageBound = dualObj + Math.max(0, best.bound - yHat);
					options.onFirstStage?.({
						ms: firstStageMs,
						value: firstStageValue,
						bound: firstStageBound
					});
				}
				// Which types to fix: the support of a (nearly) strictly complementary dual, from the
				// interior-point method without crossover, checked against the pricing MILP like any
				// dual solution. The value fixed is the simplex optimum, exact for these panels.
				let support = y;
				// The interior-point run leaves no basis; the simplex one is put back afterwards so
				// that the next stage starts warm (panels added meanwhile enter nonbasic at 0).
				const basis = d.getBasis();
				const restore = () => {
					const colStatus = new Int32Array(colsInLp);
					colStatus.set(basis.colStatus);
					d.setBasis({ colStatus, rowStatus: basis.rowStatus });
				};
				const i0 = performance.now();
				const interiorOk = solveLp(true);
				st.ipmMs += performance.now() - i0;
				if (interiorOk) {
					const di = dualSolution();
					const bi = pm.best(perSeat(di.y, inst));
					pricingSolves++;
					if (bi && bi.value > di.yHat + gapTol) {
						if (add(bi.panel)) {
							addPanelCol(bi.panel);
							restore();
							continue;
						}
					} else support = di.y;
				}
				restore();
				let any = false;
				let arg = -1;
				for (let t = 0; t < T; t++) {
					if (!Number.isNaN(fixed[t])) continue;
					if (arg < 0 || support[t] > support[arg]) arg = t;
					if (support[t] > fixTol) {
						fix(t, Math.max(0, dualObj));
						any = true;
					}
				}
				if (!any && arg >= 0) fix(arg, Math.max(0, dualObj));
				log(
					`stage ${stages}: probability ${dualObj.toFixed(6)} fixed, +${nFixed - fixedBefore} = ${nFixed}/${T} types, ${panels.length} panels, ${(performance.now() - t0).toFixed(0)} ms; ` +
						`${st.lp} LPs ${st.lpMs.toFixed(0)} ms ${st.iters} iterations, swap ${st.swapMs.toFixed(0)} ms (+${st.swapAdded} panels), ${st.milp} MILPs ${st.milpMs.toFixed(0)} ms, ipm ${st.ipmMs.toFixed(0)} ms`
				);
				break;
			}
		}
		// 5. Final primal LP over all panels: min ε s.t. π_t ≥ f_t − ε, Σ x = 1.
		const P = panels.length;
		const starts = [0];
		const indices: number[] = [];
		const values: number[] = [];
		for (const p of panels) {
			indices.push(0);
			values.push(1);
			for (let t = 0; t < T; t++)
				if (p[t] > 0) {
					indices.push(1 + t);
					values.push(p[t] / size[t]);
				}
			starts.push(indices.length);
		}
		indices.push(...Array.from({ length: T }, (_, t) => 1 + t));
		values.push(...new Array<number>(T).fill(1));
		starts.push(indices.length);
		const rowLower = [1, ...Array.from(fixed)];
		const rowUpper = [1, ...new Array<number>(T).fill(h.infinity)];
		const primal = h.createModel({
			numCols: P + 1,
			numRows: T + 1,
			colCost: [...new Array<number>(P).fill(0), 1],
			colLower: new Float64Array(P + 1),
			colUpper: new Float64Array(P + 1).fill(h.infinity),
			rowLower,
			rowUpper,
			matrix: { format: 'csc', numRows: T + 1, numCols: P + 1, starts, indices, values }
		});
		let xs: Float64Array;
		try {
			primal.options.set({ output_flag: false, solver: 'simplex' });
			if (primal.run().modelStatus !== OPTIMAL)
				throw new SolverError('final primal LP not solved to optimality');
			xs = primal.getSolution().colValue.slice(0, P);
		} finally {
			primal.dispose();
		}
		let sum = 0;
		for (let i = 0; i < P; i++) {
			xs[i] = xs[i] < 1e-10 ? 0 : Math.min(1, xs[i]);
			sum += xs[i];
		}
		const chosen: { panel: Int32Array; w: number; key: string }[] = [];
		for (let i = 0; i < P; i++)
			if (xs[i] > 0) chosen.push({ panel: panels[i], w: xs[i] / sum, key: panelKey(panels[i]) });
		chosen.sort((a, b) => byCodeUnit(a.key, b.key));
		const typeProbabilities = new Float64Array(T);
		for (const c of chosen)
			for (let t = 0; t < T; t++) typeProbabilities[t] += (c.w * c.panel[t]) / size[t];
		const totalMs = performance.now() - t0;
		log(
			`time in the dual LP: simplex ${timing.simplex.toFixed(0)} ms, interior point ${timing.ipm.toFixed(0)} ms; pricing MILP ${pm.ms.toFixed(0)} ms`
		);
		log(
			`leximin done: ${stages} stages, ${panels.length} panels generated, ${chosen.length} in the distribution, ${totalMs.toFixed(0)} ms`
		);
		return {
			typeProbabilities,
			distribution: { panels: chosen.map((c) => c.panel), weights: chosen.map((c) => c.w) },
			unselectable,
			stats: {
				stages,
				panelsGenerated: panels.length,
				pricingSolves,
				reductions,
				initialMs,
				firstStageMs: Number.isNaN(firstStageValue) ? totalMs : firstStageMs,
				firstStageValue: Number.isNaN(firstStageValue) ? 0 : firstStageValue,
				firstStageBound: Number.isNaN(firstStageBound) ? 0 : firstStageBound,
				totalMs
			}
		};
	} finally {
		dual?.dispose();
		pm.dispose();
	}
}
