/**
 * In-process limit for the pool's anonymous forms (join, reply): a fixed window per key (hashed
 * IP). Enough for one server process; a shared store is needed when several run.
 */
const windows = new Map<string, { start: number; count: number }>();

export function allow(key: string, max: number, windowMs: number, now = Date.now()): boolean {
	const w = windows.get(key);
	if (!w || now - w.start >= windowMs) {
		if (windows.size > 10_000) windows.clear();
		windows.set(key, { start: now, count: 1 });
		return true;
	}
	w.count++;
	return w.count <= max;
}
