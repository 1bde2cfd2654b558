/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same items:
 * 1 for identical partitions, about 0 for independent ones.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const n = a.length;
	if (b.length !== n) throw new Error('labelings differ in length');
	if (n < 2) return 1;
	const pairs = (x: number) => (x * (x - 1)) / 2;
	const cells = new Map<string, number>();
	const rowsA = new Map<number, number>();
	const colsB = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		const key = `${a[i]}\u0000${b[i]}`;
		cells.set(key, (cells.get(key) ?? 0) + 1);
		rowsA.set(a[i], (rowsA.get(a[i]) ?? 0) + 1);
		colsB.set(b[i], (colsB.get(b[i]) ?? 0) + 1);
	}
	let index = 0;
	for (const c of cells.values()) index += pairs(c);
	let sumA = 0;
	for (const c of rowsA.values()) sumA += pairs(c);
	let sumB = 0;
	for (const c of colsB.values()) sumB += pairs(c);
	const expected = (sumA * sumB) / pairs(n);
	const max = (sumA + sumB) / 2;
	// Both partitions trivial (all in one, or all apart): they agree iff the index is maximal.
	if (max === expected) return index === max ? 1 : 0;
	return (index - expected) / (max - expected);
}

/**
 * ARI of our grouping against a reference grouping over the participants both placed in a group,
 * plus the share of reference-grouped participants we also grouped.
 */
export function compareGroupings(
	ours: Map<string, number>,
	reference: Map<string, number | null>
): { ari: number; overlap: number; coverage: number } {
	const a: number[] = [];
	const b: number[] = [];
	let refGrouped = 0;
	for (const [pid, g] of reference) {
		if (g === null) continue;
		refGrouped++;
		const o = ours.get(pid);
		if (o === undefined) continue;
		a.push(o);
		b.push(g);
	}
	return {
		ari: adjustedRandIndex(a, b),
		overlap: a.length,
		coverage: refGrouped === 0 ? 1 : a.length / refGrouped
	};
}
