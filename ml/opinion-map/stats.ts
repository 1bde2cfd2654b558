/**
 * Significance tests used by Polis's repness and consensus (polismath `stats.clj`).
 * Both tests add a pseudocount of 1 to every count.
 */

/** One-proportion z: 2·sqrt(n+1)·((succ+1)/(n+1) − 0.5). */
export function propTest(succ: number, n: number): number {
	const s = succ + 1;
	const m = n + 1;
	return 2 * Math.sqrt(m) * (s / m - 0.5);
}

/** Two-proportion z of group (succIn of popIn) against the rest (succOut of popOut). */
export function twoPropTest(
	succIn: number,
	succOut: number,
	popIn: number,
	popOut: number
): number {
	const s1 = succIn + 1;
	const s2 = succOut + 1;
	const n1 = popIn + 1;
	const n2 = popOut + 1;
	const pHat = (s1 + s2) / (n1 + n2);
	// Polis returns 0 rather than dividing by zero when everyone succeeded.
	if (pHat === 1) return 0;
	return (s1 / n1 - s2 / n2) / Math.sqrt(pHat * (1 - pHat) * (1 / n1 + 1 / n2));
}

/** One-sided 90 % significance. */
export const Z_90 = 1.2816;

export function zSig90(z: number): boolean {
	return z > Z_90;
}

/** Laplace-smoothed probability (n + 1) / (N + 2). */
export function pseudoProb(n: number, total: number): number {
	return (n + 1) / (total + 2);
}
