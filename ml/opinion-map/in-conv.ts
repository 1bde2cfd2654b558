/**
 * Which participants are clustered (polismath `conversation.clj` node `:in-conv`).
 *
 * A participant joins once they have cast at least min(minVotes, nCols) votes (passes and votes on
 * moderated-out comments count). Membership is sticky: anyone in the previous state stays in.
 * If fewer than `greedyN` qualify, the most active remaining voters are added until there are
 * `greedyN` (ties keep row order).
 */
export function selectInConv(
	rows: string[],
	voteCounts: Int32Array,
	nCols: number,
	previous: ReadonlySet<string> | null,
	minVotes: number,
	greedyN: number
): Uint8Array {
	const n = rows.length;
	const inConv = new Uint8Array(n);
	const threshold = Math.min(minVotes, nCols);
	let count = 0;
	for (let r = 0; r < n; r++) {
		if (voteCounts[r] >= threshold || previous?.has(rows[r])) {
			inConv[r] = 1;
			count++;
		}
	}
	if (count < greedyN) {
		const rest: number[] = [];
		for (let r = 0; r < n; r++) if (!inConv[r]) rest.push(r);
		rest.sort((a, b) => voteCounts[b] - voteCounts[a] || a - b);
		for (let i = 0; i < rest.length && count < greedyN; i++, count++) inConv[rest[i]] = 1;
	}
	return inConv;
}
