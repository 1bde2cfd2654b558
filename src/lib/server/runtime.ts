/**
 * The server's shared state, started once per process (hooks.server.ts `init`) from the
 * composition root's manifests: database, migrations, reference and demo data, mail worker,
 * periodic jobs. Routes get the database here, typed with every module's tables.
 */
import { startRuntime, stopRuntime, type Runtime } from './core/runtime';
import type { Db } from './db';
import { MODULES } from './modules';

let started: Promise<Runtime<Db>> | undefined;

export function runtime(): Promise<Runtime<Db>> {
	started ??= startRuntime<Db>(MODULES);
	return started;
}

/** Graceful stop: finish the mail batch in flight, then close the database cleanly. */
export async function shutdown(): Promise<void> {
	if (!started) return;
	await stopRuntime(await started);
}
