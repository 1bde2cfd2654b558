/**
 * Synthetic Polis-like conversation for benchmarks: by default 10 000 participants × 1 000
 * statements and exactly 1 000 000 distinct votes, with planted opinion groups. Seeded, so every
 * run builds the same conversation.
 *
 * Model: each participant belongs to one of `groupShares.length` groups; each statement has a
 * per-group agree probability (a shared baseline plus a group-specific shift), and a pass rate.
 * Activity is skewed like real conversations (many light voters, few heavy ones); 5 % of the
 * statements are moderated out.
 *
 *   npx tsx bench/opinion-map/generate.ts [out-folder]   writes a Polis export (CSV) there
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mulberry32 } from '../../ml/opinion-map/prng';
import { writeComments, writeParticipantsVotes } from '../../ml/opinion-map/polis-csv';
import type { CompactVotes, OpinionMapInput } from '../../ml/opinion-map/types';

export interface SyntheticOptions {
	participants: number;
	statements: number;
	votes: number;
	groupShares: number[];
	modOutShare: number;
	/** σ of the log-normal activity (votes per participant). */
	activitySpread: number;
	seed: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = {
	participants: 10_000,
	statements: 1_000,
	votes: 1_000_000,
	groupShares: [0.5, 0.3, 0.2],
	modOutShare: 0.05,
	activitySpread: 1,
	seed: 42
};

export interface Synthetic {
	input: OpinionMapInput & { votes: CompactVotes };
	planted: Int32Array;
}

export function generateConversation(opts: Partial<SyntheticOptions> = {}): Synthetic {
	const o = { ...DEFAULT_SYNTHETIC, ...opts };
	const rnd = mulberry32(o.seed);
	const nP = o.participants;
	const nS = o.statements;
	const nG = o.groupShares.length;
	if (o.votes > nP * nS) throw new Error('more votes than cells');

	const planted = new Int32Array(nP);
	for (let p = 0; p < nP; p++) {
		let u = rnd();
		let g = 0;
		while (g < nG - 1 && u >= o.groupShares[g]) u -= o.groupShares[g++];
		planted[p] = g;
	}
	// Per statement: pass rate and per-group agree probability among non-passes.
	const pass = Float64Array.from({ length: nS }, () => 0.05 + 0.15 * rnd());
	const agree = new Float64Array(nS * nG);
	for (let s = 0; s < nS; s++) {
		const base = 0.2 + 0.6 * rnd();
		const divisive = rnd() < 0.6;
		for (let g = 0; g < nG; g++) {
			const shift = divisive ? (rnd() - 0.5) * 1.2 : (rnd() - 0.5) * 0.1;
			agree[s * nG + g] = Math.min(0.97, Math.max(0.03, base + shift));
		}
	}

	// Log-normal activity (many light voters, a few heavy ones), rescaled so the totals add up to
	// exactly `votes`, each capped at nS.
	const weight = Float64Array.from({ length: nP }, () => {
		const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
		return Math.exp(o.activitySpread * z);
	});
	// Bisect the scale so that the capped, floored counts just reach the target, then top up.
	const countsAt = (scale: number) =>
		Int32Array.from(weight, (w) => Math.max(1, Math.min(nS, Math.floor(w * scale))));
	const sum = (a: Int32Array) => a.reduce((x, y) => x + y, 0);
	let lo = 0;
	let hi = (o.votes / weight.reduce((a, b) => a + b, 0)) * 64;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (sum(countsAt(mid)) <= o.votes) lo = mid;
		else hi = mid;
	}
	const perP = countsAt(lo);
	for (let total = sum(perP); total < o.votes;) {
		const p = Math.floor(rnd() * nP);
		if (perP[p] < nS) {
			perP[p]++;
			total++;
		}
	}

	const pidIndex = new Int32Array(o.votes);
	const tidIndex = new Int32Array(o.votes);
	const vote = new Int8Array(o.votes);
	const order = Int32Array.from({ length: nS }, (_, i) => i);
	let at = 0;
	for (let p = 0; p < nP; p++) {
		const g = planted[p];
		// Partial Fisher–Yates: the first perP[p] entries become a random subset of statements.
		for (let i = 0; i < perP[p]; i++) {
			const j = i + Math.floor(rnd() * (nS - i));
			const t = order[i];
			order[i] = order[j];
			order[j] = t;
			const s = order[i];
			pidIndex[at] = p;
			tidIndex[at] = s;
			vote[at] = rnd() < pass[s] ? 0 : rnd() < agree[s * nG + g] ? 1 : -1;
			at++;
		}
	}

	const participants = Array.from({ length: nP }, (_, i) => String(i));
	const comments = Array.from({ length: nS }, (_, i) => String(i));
	const modOut = new Set<string>();
	for (let s = 0; s < nS; s++) if (rnd() < o.modOutShare) modOut.add(comments[s]);
	return {
		input: { participants, comments, votes: { pidIndex, tidIndex, vote }, modOut },
		planted
	};
}

if (process.argv[1]?.endsWith('generate.ts')) {
	const out = process.argv[2];
	const { input, planted } = generateConversation();
	if (!out) {
		process.stdout.write(
			`generated ${input.participants.length} participants, ${input.comments.length} statements, ${input.votes.vote.length} votes; pass a folder to write a Polis export\n`
		);
	} else {
		mkdirSync(out, { recursive: true });
		writeFileSync(
			`${out}/participants-votes.csv`,
			writeParticipantsVotes(input.participants, input.comments, input.votes, Array.from(planted))
		);
		writeFileSync(
			`${out}/comments.csv`,
			writeComments(
				input.comments.map((tid) => ({ tid, moderated: input.modOut?.has(tid) ? -1 : 1 }))
			)
		);
		process.stdout.write(`wrote ${out}/participants-votes.csv and comments.csv\n`);
	}
}
