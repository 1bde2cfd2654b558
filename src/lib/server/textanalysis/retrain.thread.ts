/**
 * The retraining in a worker thread (`node:worker_threads`), as the opinion map does it
 * (conversations/opinion-map.thread.ts): only ever loaded with a dynamic `import()`, so the
 * production build keeps it as a chunk of its own and `import.meta.url` is that chunk.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runRetrain, type RetrainInput } from './retrain.job';

export const THREAD_ROLE = 'osallistu-text-analysis';
export const threadUrl = import.meta.url;

if (!isMainThread && workerData === THREAD_ROLE && parentPort) {
	const port = parentPort;
	port.on('message', (msg: { id: number; input: RetrainInput }) => {
		runRetrain(msg.input).then(
			(result) => port.postMessage({ id: msg.id, ok: true, result }),
			(e: unknown) =>
				port.postMessage({
					id: msg.id,
					ok: false,
					error: e instanceof Error ? e.message : String(e)
				})
		);
	});
}
