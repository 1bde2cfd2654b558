/**
 * The loop behind the mail worker and the event delivery: run `batch` while it finds work, then
 * sleep `pollMs` and look again. `poke()` wakes a sleeping loop at once (called right after
 * something was queued); it never starts a second loop beside one that is running, because the
 * running one looks again before it sleeps. `stop()` lets the batch in flight finish.
 */
export interface PollingDrain {
	/** Looks for work now instead of at the next poll (no effect while a batch runs). */
	poke(): void;
	/** Finishes the batch in flight, then stops. */
	stop(): Promise<void>;
}

/**
 * @param batch does one unit of work and returns how many items it took (0 = nothing to do)
 * @param label names the loop in the log line when a batch throws (no payloads are logged)
 */
export function pollingDrain(
	batch: () => Promise<number>,
	pollMs: number,
	label: string
): PollingDrain {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<void> = Promise.resolve();
	const loop = async () => {
		try {
			while (!stopped && (await batch()) > 0);
		} catch (e) {
			console.error(`${label}:`, e instanceof Error ? e.message : 'unknown error');
		}
		if (!stopped) timer = setTimeout(wake, pollMs);
	};
	// The timer is cleared before each run, so "a timer is set" means "the loop is asleep".
	const wake = () => {
		timer = undefined;
		running = loop();
	};
	running = loop();
	return {
		poke() {
			if (stopped || !timer) return;
			clearTimeout(timer);
			wake();
		},
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			timer = undefined;
			await running;
		}
	};
}
