/**
 * The opinion-map engine in a worker thread (`node:worker_threads`). This file is both the
 * worker's entry and, for the main thread, the place that says where the entry is: it is only
 * ever loaded with a dynamic `import()` (opinion-map.off-thread.ts), so the production build
 * (Vite, then adapter-node's bundler) keeps it as a chunk of its own in `build/server/chunks`,
 * and `import.meta.url` below is that chunk's address. On the main thread importing it does
 * nothing else.
 */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { computeOpinionMap } from '../../../../ml/opinion-map/engine';
import type { OpinionMapInput, OpinionMapState } from '../../../../ml/opinion-map/types';

export const THREAD_ROLE = 'osallistu-opinion-map';
export const threadUrl = import.meta.url;

export interface ThreadRequest {
	id: number;
	input: OpinionMapInput;
	state: OpinionMapState | null;
}

export type ThreadReply =
	| { id: number; ok: true; result: unknown; state: unknown; threadId: number }
	| { id: number; ok: false; error: string };

if (!isMainThread && workerData === THREAD_ROLE && parentPort) {
	const port = parentPort;
	port.on('message', (msg: ThreadRequest) => {
		let reply: ThreadReply;
		try {
			const { result, state } = computeOpinionMap(msg.input, msg.state);
			reply = { id: msg.id, ok: true, result, state, threadId };
		} catch (e) {
			reply = { id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) };
		}
		port.postMessage(reply);
	});
}
