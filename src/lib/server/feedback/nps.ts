/**
 * NPS and its confidence interval, from score counts (never raw rows).
 *
 * NPS = %promoters (9–10) − %detractors (0–6), on −100…100.
 * With p_P and p_D the promoter and detractor shares of n answers, each answer scores +1, 0 or −1;
 * the variance of one answer is p_P + p_D − (p_P − p_D)², so the standard error of NPS (as a
 * share) is sqrt([p_P + p_D − (p_P − p_D)²] / n) and the 95 % interval is NPS ± 1.96·SE
 * (normal approximation, reported ×100 and clipped to −100…100).
 */
export interface NpsSummary {
	n: number;
	promoters: number;
	passives: number;
	detractors: number;
	/** −100…100, null when there are no answers */
	nps: number | null;
	ciLow: number | null;
	ciHigh: number | null;
}

export function npsFromCounts(counts: readonly number[]): NpsSummary {
	let n = 0;
	let promoters = 0;
	let detractors = 0;
	for (let s = 0; s <= 10; s++) {
		const c = counts[s] ?? 0;
		n += c;
		if (s >= 9) promoters += c;
		else if (s <= 6) detractors += c;
	}
	const passives = n - promoters - detractors;
	if (n === 0) return { n, promoters, passives, detractors, nps: null, ciLow: null, ciHigh: null };
	const pP = promoters / n;
	const pD = detractors / n;
	const score = pP - pD;
	const se = Math.sqrt(Math.max(0, pP + pD - score * score) / n);
	const clip = (v: number) => Math.max(-100, Math.min(100, v));
	return {
		n,
		promoters,
		passives,
		detractors,
		nps: round1(score * 100),
		ciLow: round1(clip((score - 1.96 * se) * 100)),
		ciHigh: round1(clip((score + 1.96 * se) * 100))
	};
}

function round1(v: number): number {
	return Math.round(v * 10) / 10;
}

/** Adds score-count vectors (length 11). */
export function addCounts(a: number[], b: readonly number[]): number[] {
	for (let s = 0; s <= 10; s++) a[s] = (a[s] ?? 0) + (b[s] ?? 0);
	return a;
}
