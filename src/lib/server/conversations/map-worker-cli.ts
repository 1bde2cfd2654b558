/**
 * The opinion-map worker as its own process, for PostgreSQL deployments where the web process
 * should spend no time at all on the map, not even reading the votes (the web process already
 * runs the engine in a worker thread, but reads and writes the map on its own event loop). Run
 * the web server with CONVERSATIONS_MAP_WORKER=0 and, beside it:
 *
 *   DATABASE_URL=postgres://… npx tsx src/lib/server/conversations/map-worker-cli.ts
 */
import { createDatabase } from '../core/db/database';
import { startMapWorker } from './map-worker';
import { stopOpinionMapThread } from './opinion-map.off-thread';

const url = process.env.DATABASE_URL;
if (!url) {
	console.error('map worker: set DATABASE_URL (the embedded database cannot be shared)');
	process.exit(2);
}
const db = await createDatabase({ databaseUrl: url, poolSize: 2 });
const worker = startMapWorker(db, Number(process.env.CONVERSATIONS_MAP_POLL_MS || 2000));
// The worker's timer is unref'd; this interval keeps the process alive until a signal.
const keepAlive = setInterval(() => {}, 1 << 30);
const stop = async () => {
	clearInterval(keepAlive);
	await worker.stop();
	await stopOpinionMapThread();
	await db.destroy();
	process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
