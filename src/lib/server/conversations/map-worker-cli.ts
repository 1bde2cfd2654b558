/**
 * The opinion-map worker as its own process, for PostgreSQL deployments where the web process
 * should spend no time at all on the map, not even reading the votes (the web process already
 * runs the engine in a worker thread, but reads and writes the map on its own event loop). Run
 * the web server with CONVERSATIONS_MAP_WORKER=0 and, beside it:
 *
 *   DATABASE_URL=postgres://… npx tsx src/lib/server/conversations/map-worker-cli.ts
 */
import { createDatabase } from '../core/db/database';
import type { CoreTables } from '../core/db/core.tables';
import type { ConversationsTables } from './conversations.tables';
import { coreSettings } from '../core/core.settings';
import { startMapWorker } from './map-worker';
import { conversationsSettings } from './conversations.settings';
import { stopOpinionMapThread } from './opinion-map.off-thread';

const url = coreSettings().DATABASE_URL;
if (!url) {
	console.error('map worker: set DATABASE_URL (the embedded database cannot be shared)');
	process.exit(2);
}
const db = await createDatabase<CoreTables & ConversationsTables>({
	databaseUrl: url,
	poolSize: 2
});
const worker = startMapWorker(db, conversationsSettings().CONVERSATIONS_MAP_POLL_MS);
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
