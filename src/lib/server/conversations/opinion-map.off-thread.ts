/**
 * The default engine of the map recompute: the same engine, run in one worker thread per
 * process, so the web process keeps answering while a big map computes (a 10 000 × 1 000 map
 * takes 0.3–0.4 s of CPU; on the event loop that is a pause of every request). The main thread
 * only turns the votes into three typed arrays (moved to the thread, not copied); the thread
 * does the rest. One thread, one map at a time: the recompute job runs one conversation at a
 * time anyway, and a second core is the web server's.
 */
import { Worker } from 'node:worker_threads';
import { toCompactVotes } from '../../../../ml/opinion-map/vote-matrix';
import type { OpinionMapState } from '../../../../ml/opinion-map/types';
import type { MapInput, MapResult, MapState } from './opinion-map.port';
import type { ThreadReply, ThreadRequest } from './opinion-map.thread';

interface Waiting {
	resolve: (r: { result: MapResult; state: MapState; threadId: number }) => void;
	reject: (e: Error) => void;
}

let worker: Promise<Worker> | null = null;
const waiting = new Map<number, Waiting>();
let seq = 0;

function failAll(e: Error) {
	for (const w of waiting.values()) w.reject(e);
	waiting.clear();
}

async function start(): Promise<Worker> {
	const { threadUrl, THREAD_ROLE } = await import('./opinion-map.thread');
	// From source (vite dev, vitest, tsx) the entry is TypeScript: register tsx in the thread first.
	// The built server's entry is plain JavaScript.
	const w = threadUrl.endsWith('.ts')
		? new Worker(
				`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(threadUrl)}); })`,
				{ eval: true, workerData: THREAD_ROLE }
			)
		: new Worker(new URL(threadUrl), { workerData: THREAD_ROLE });
	w.unref();
	w.on('message', (m: ThreadReply) => {
		const p = waiting.get(m.id);
		if (!p) return;
		waiting.delete(m.id);
		if (waiting.size === 0) w.unref();
		if (m.ok) p.resolve({ result: m.result as MapResult, state: m.state, threadId: m.threadId });
		else p.reject(new Error(m.error));
	});
	const gone = (e: Error) => {
		worker = null;
		failAll(e);
	};
	w.on('error', gone);
	w.on('exit', (code) => gone(new Error(`opinion-map thread exited (${code})`)));
	return w;
}

/** Computes a map in the worker thread; resolves with the engine's answer and the thread's id. */
export async function computeOpinionMapOffThread(
	input: MapInput,
	previousState?: MapState | null
): Promise<{ result: MapResult; state: MapState; threadId: number }> {
	// Validates ids as the engine would (an unknown participant is refused here, by name).
	const votes = toCompactVotes(input.participants, input.comments, input.votes);
	worker ??= start().catch((e: unknown) => {
		worker = null;
		throw e;
	});
	const w = await worker;
	const id = ++seq;
	const request: ThreadRequest = {
		id,
		input: { ...input, votes },
		state: (previousState as OpinionMapState | null | undefined) ?? null
	};
	return new Promise((resolve, reject) => {
		waiting.set(id, { resolve, reject });
		// Kept alive while a map is computing; idle, the thread does not hold the process open.
		w.ref();
		// The engine's typed arrays are plain ArrayBuffers (never shared): moved, not copied.
		const moved = [
			votes.pidIndex.buffer,
			votes.tidIndex.buffer,
			votes.vote.buffer
		] as ArrayBuffer[];
		w.postMessage(request, moved);
	});
}

/** Ends the thread (the stand-alone map worker on shutdown, tests). */
export async function stopOpinionMapThread(): Promise<void> {
	const w = await worker?.catch(() => null);
	worker = null;
	if (w) await w.terminate();
}
