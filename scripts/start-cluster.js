/**
 * Runs the built portal (`build/`) as WEB_CONCURRENCY processes on one port with node:cluster,
 * against one PostgreSQL database (DATABASE_URL; the embedded PGlite database belongs to one
 * process and cannot be shared).
 *
 *   WEB_CONCURRENCY=2 DATABASE_URL=postgres://… ORIGIN=https://… node scripts/start-cluster.js
 *
 * The first process starts alone: it migrates the database and, with DEMO_DATA, fills it. The
 * others are forked only once it listens, with DEMO_DATA=0, so migrations run once before the
 * fork (the others find nothing to do) and demo data is written once. Connections are spread
 * round-robin by the primary (Node's default on Linux). Periodic jobs, the mail outbox and rate
 * limits are shared through the database, so any process may serve any request. A process that
 * dies is replaced; SIGTERM/SIGINT stop every process gracefully (adapter-node's shutdown).
 */
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!process.env.DATABASE_URL) {
	console.error('start:cluster: set DATABASE_URL (several processes need PostgreSQL).');
	process.exit(2);
}
const raw = process.env.WEB_CONCURRENCY;
const count = raw === undefined || raw === '' ? os.availableParallelism() : Number(raw);
if (!Number.isInteger(count) || count < 1) {
	console.error('start:cluster: WEB_CONCURRENCY must be a whole number of 1 or more.');
	process.exit(2);
}

cluster.setupPrimary({ exec: path.join(root, 'build', 'index.js') });

let stopping = false;
/** Restarts within this window count as a crash loop. */
const CRASH_WINDOW_MS = 10_000;
let recentCrashes = [];

function fork(first) {
	// Every process after the first: the database is migrated and seeded already.
	const worker = cluster.fork(first ? {} : { DEMO_DATA: '0' });
	worker.once('listening', () => {
		if (first) for (let i = 1; i < count; i++) fork(false);
	});
	return worker;
}

cluster.on('exit', (worker, code, signal) => {
	if (stopping) {
		if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
		return;
	}
	const now = Date.now();
	recentCrashes = recentCrashes.filter((t) => now - t < CRASH_WINDOW_MS).concat(now);
	if (recentCrashes.length > count * 2) {
		console.error('start:cluster: processes keep exiting; stopping.');
		process.exit(1);
	}
	console.error(
		`start:cluster: process ${worker.process.pid} exited (${signal ?? code}); replacing it.`
	);
	fork(false);
});

const stop = () => {
	if (stopping) return;
	stopping = true;
	const workers = Object.values(cluster.workers ?? {});
	if (workers.length === 0) process.exit(0);
	for (const w of workers) w?.process.kill('SIGTERM');
	// adapter-node waits for open requests; do not wait forever.
	setTimeout(() => process.exit(0), 20_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

console.log(`start:cluster: ${count} process(es) on port ${process.env.PORT || 3000}`);
fork(true);
