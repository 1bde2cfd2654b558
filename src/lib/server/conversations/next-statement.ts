/**
 * Which statement a participant sees next. Like Polis's comment priorities: a statement with few
 * votes gets a strong boost that fades as it collects votes, and one that separates opinions
 * (far from the map's centre) gets more weight; the pick is random in proportion to the weight,
 * so early statements do not hog attention.
 */
import type { ConversationsExecutor } from './conversations.db';
import {
	getMap,
	voteCountsByStatement,
	votableStatements,
	votesOfParticipant
} from './conversations.queries';
import type { MapResult } from './opinion-map.port';
import { inOrder } from './sequential';

export function priority(nVotes: number, separation: number): number {
	const newBoost = 1 + 8 * Math.pow(2, -nVotes / 5);
	return Math.pow((1 + separation) * newBoost, 2);
}

export function weightedPick<T>(items: T[], weights: number[], rnd: () => number): T | null {
	const total = weights.reduce((s, w) => s + w, 0);
	if (items.length === 0 || total <= 0) return items[0] ?? null;
	let r = rnd() * total;
	for (let i = 0; i < items.length; i++) {
		r -= weights[i];
		if (r < 0) return items[i];
	}
	return items[items.length - 1];
}

export async function nextStatement(
	db: ConversationsExecutor,
	conversation: { id: string; moderation: string },
	participantId: number | null,
	rnd: () => number = Math.random
) {
	const [statements, counts, mine, map] = await inOrder([
		() => votableStatements(db, conversation.id, conversation.moderation),
		() => voteCountsByStatement(db, conversation.id),
		() =>
			participantId === null
				? Promise.resolve(new Map<number, number>())
				: votesOfParticipant(db, participantId),
		() => getMap(db, conversation.id)
	]);
	const open = statements.filter((s) => !mine.has(Number(s.id)));
	const placement = new Map(
		((map?.result as MapResult | undefined)?.comments ?? []).map((c) => [
			c.tid,
			c.extremity ?? Math.hypot(c.x, c.y)
		])
	);
	const maxSep = Math.max(1e-9, ...placement.values());
	const weights = open.map((s) =>
		priority(counts.get(Number(s.id)) ?? 0, (placement.get(String(s.tid)) ?? 0) / maxSep)
	);
	return {
		statement: weightedPick(open, weights, rnd),
		remaining: open.length,
		total: statements.length,
		voted: mine.size
	};
}
