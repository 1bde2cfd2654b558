/**
 * Runs query thunks one after another on one connection at a time. Used for page reads instead of
 * Promise.all, which would check out several pool connections for one request.
 */
export async function inOrder<T extends readonly unknown[]>(thunks: {
	[K in keyof T]: () => Promise<T[K]>;
}): Promise<T> {
	const out: unknown[] = [];
	for (const f of thunks as readonly (() => Promise<unknown>)[]) out.push(await f());
	return out as unknown as T;
}
