/**
 * Mean silhouette of a clustering (polismath `clusters.clj` `silhouette`).
 *
 * Polis scores each k on the base-cluster centres: for every centre, a = mean distance to the
 * other centres of its group, b = the smallest mean distance to another group's centres,
 * s = (b − a) / max(a, b), and 0 for a centre alone in its group. The score is the plain,
 * unweighted mean over all centres. A clustering with a single group scores 0.
 */
import type { Points } from './kmeans';

export function silhouette(p: Points, groups: number[][]): number {
	const n = p.x.length;
	const dist = (i: number, j: number) => Math.hypot(p.x[i] - p.x[j], p.y[i] - p.y[j]);
	let total = 0;
	let count = 0;
	for (let g = 0; g < groups.length; g++) {
		for (const i of groups[g]) {
			if (i < 0 || i >= n) continue;
			count++;
			if (groups[g].length === 1) continue;
			let a = 0;
			for (const j of groups[g]) if (j !== i) a += dist(i, j);
			a /= groups[g].length - 1;
			let b = Infinity;
			for (let h = 0; h < groups.length; h++) {
				if (h === g || groups[h].length === 0) continue;
				let s = 0;
				for (const j of groups[h]) s += dist(i, j);
				b = Math.min(b, s / groups[h].length);
			}
			const m = Math.max(a, b);
			if (b !== Infinity && m > 0) total += (b - a) / m;
		}
	}
	return count === 0 ? 0 : total / count;
}
