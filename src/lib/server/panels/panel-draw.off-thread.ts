/**
 * Runs the panel engine in one worker thread per process, one request at a time (a draw is rare;
 * the second core is the web server's). A failed thread fails its waiting requests and is
 * started again on the next one.
 */
import { Worker } from 'node:worker_threads';
import type { PanelSpec } from '../../../../ml/panels';
import type { EngineReply, EngineRequest } from './panel-draw.port';

type Request = EngineRequest extends infer R
	? R extends EngineRequest
		? Omit<R, 'id'>
		: never
	: never;

let worker: Promise<Worker> | null = null;
const waiting = new Map<number, (r: EngineReply) => void>();
let seq = 0;

async function start(): Promise<Worker> {
	const { threadUrl, THREAD_ROLE } = await import('./panel-draw.thread');
	const w = threadUrl.endsWith('.ts')
		? new Worker(
				`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(threadUrl)}); })`,
				{ eval: true, workerData: THREAD_ROLE }
			)
		: new Worker(new URL(threadUrl), { workerData: THREAD_ROLE });
	w.unref();
	w.on('message', (m: EngineReply) => {
		const done = waiting.get(m.id);
		if (!done) return;
		waiting.delete(m.id);
		if (waiting.size === 0) w.unref();
		done(m);
	});
	const gone = (e: Error) => {
		worker = null;
		for (const [id, done] of waiting)
			done({ id, ok: false, failure: { kind: 'error', message: e.message } });
		waiting.clear();
	};
	w.on('error', gone);
	w.on('exit', (code) => gone(new Error(`panel thread exited (${code})`)));
	return w;
}

async function call(req: Request): Promise<EngineReply> {
	worker ??= start().catch((e: unknown) => {
		worker = null;
		throw e;
	});
	const w = await worker;
	const id = ++seq;
	return new Promise((resolve) => {
		waiting.set(id, resolve);
		w.ref();
		w.postMessage({ ...req, id });
	});
}

export const diagnoseOffThread = (spec: PanelSpec) => call({ op: 'diagnose', spec });
export const selectOffThread = (spec: PanelSpec, seed: string) =>
	call({ op: 'select', spec, seed });

export async function stopPanelThread(): Promise<void> {
	const w = await worker?.catch(() => null);
	worker = null;
	if (w) await w.terminate();
}
