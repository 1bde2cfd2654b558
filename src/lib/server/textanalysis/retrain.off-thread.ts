/**
 * Runs a retraining in a worker thread so the web server keeps answering (training takes the
 * CPU for up to a couple of minutes). One thread per process, started on first use, ended when
 * the training is done (TF.js's memory goes with it).
 */
import { Worker } from 'node:worker_threads';
import type { RetrainInput, RetrainOutput } from './retrain.job';

export async function retrainOffThread(input: RetrainInput): Promise<RetrainOutput> {
	const { threadUrl, THREAD_ROLE } = await import('./retrain.thread');
	const w = threadUrl.endsWith('.ts')
		? new Worker(
				`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(threadUrl)}); })`,
				{ eval: true, workerData: THREAD_ROLE }
			)
		: new Worker(new URL(threadUrl), { workerData: THREAD_ROLE });
	try {
		return await new Promise<RetrainOutput>((resolve, reject) => {
			w.on('message', (m: { ok: true; result: RetrainOutput } | { ok: false; error: string }) => {
				if (m.ok) resolve(m.result);
				else reject(new Error(m.error));
			});
			w.on('error', reject);
			w.on('exit', (code) => reject(new Error(`text-analysis thread exited (${code})`)));
			w.postMessage({ id: 1, input });
		});
	} finally {
		await w.terminate();
	}
}
