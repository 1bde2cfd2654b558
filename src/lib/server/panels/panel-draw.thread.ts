/**
 * The panel engine (ml/panels) in a worker thread (`node:worker_threads`): LEXIMIN on a large
 * pool takes minutes of CPU, which must not stop the web server. The pattern is the opinion map's
 * (conversations/opinion-map.thread.ts): this file is the worker's entry and, for the main
 * thread, says where the entry is; it is only loaded by a dynamic `import()`
 * (panel-draw.off-thread.ts), so the build keeps it as a chunk of its own.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
	InfeasibleQuotasError,
	PanelInputError,
	buildInstance,
	diagnose,
	selectPanel,
	type PanelSpec
} from '../../../../ml/panels';
import type { EngineFailure, EngineReply, EngineRequest } from './panel-draw.port';

export const THREAD_ROLE = 'osallistu-panel-draw';
export const threadUrl = import.meta.url;

/** What the engine threw, as plain data for the main thread (and for the page). */
export function engineFailure(e: unknown): EngineFailure {
	if (e instanceof PanelInputError) return { kind: 'input', problems: e.problems };
	if (e instanceof InfeasibleQuotasError)
		return { kind: 'infeasible', relaxations: e.relaxations, withinFlex: e.withinFlex };
	return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}

/** Runs one request; the same function serves the thread and the in-process fallback. */
export async function runEngine(req: EngineRequest): Promise<EngineReply> {
	try {
		const spec: PanelSpec = req.spec;
		if (req.op === 'diagnose') {
			const d = await diagnose(buildInstance(spec));
			return d.feasible
				? { id: req.id, ok: true, op: 'diagnose', feasible: true, relaxations: [] }
				: { id: req.id, ok: true, op: 'diagnose', feasible: false, relaxations: d.relaxations };
		}
		const s = await selectPanel(spec, { algorithm: 'leximin', seed: req.seed });
		return {
			id: req.id,
			ok: true,
			op: 'select',
			selection: {
				algorithm: s.algorithm,
				seed: s.seed,
				commitment: s.commitment,
				engine: s.engine,
				selected: s.selected,
				probabilities: Object.fromEntries(s.probabilities),
				minProbability: s.minProbability,
				quotaTable: s.quotaTable,
				distributionHash: s.distributionHash ?? null
			}
		};
	} catch (e) {
		return { id: req.id, ok: false, failure: engineFailure(e) };
	}
}

if (!isMainThread && workerData === THREAD_ROLE && parentPort) {
	const port = parentPort;
	port.on('message', (msg: EngineRequest) => {
		void runEngine(msg).then((reply) => port.postMessage(reply));
	});
}
