/**
 * Turns a stored engine result into what the map and report pages show: statement texts instead
 * of ids, percentages, group letters, and points scaled to a 0..100 box. No participant ids leave
 * the server except the viewer's own position.
 */
import type { ConversationsExecutor } from './conversations.db';
import { getMap } from './conversations.queries';
import type { MapResult } from './opinion-map.port';

export const GROUP_NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

export interface MapView {
	computedAt: string;
	k: number;
	nParticipants: number;
	/** MIN_VOTES_FOR_SHARE, so the page can say why a statement is not listed. */
	minVotes: number;
	points: Array<{ x: number; y: number; g: number | null }>;
	me: { x: number; y: number; g: number | null } | null;
	groups: Array<{
		name: string;
		size: number;
		cx: number;
		cy: number;
		reps: Array<
			{
				statementId: number;
				tid: number;
				body: string;
				label: 'agree' | 'disagree';
			} & Share
		>;
	}>;
	consensus: {
		agree: Array<{ statementId: number; tid: number; body: string } & Share>;
		disagree: Array<{ statementId: number; tid: number; body: string } & Share>;
	};
}

/** A share as the pages show it: the percentage and the counts it comes from. */
export interface Share {
	pct: number;
	count: number;
	n: number;
}

/**
 * Fewest votes on a statement (overall for consensus, within the group for a group's
 * distinguishing statements) before the pages call it either. Polis's own selection is a
 * one-sided z-test at 90 % on pseudocounts (polismath `repness.clj`: `prop-test` adds one
 * success and one trial), and that passes a single vote: z = 2·√2·(2/2 − ½) ≈ 1.41 > 1.2816,
 * so one vote came out as "100 % agree". The engine keeps Polis's selection (its fidelity is
 * measured against Polis); the pages add this floor. Polis's report applies a similar floor in
 * words ("60 % or more of all participants voted one way").
 */
export const MIN_VOTES_FOR_SHARE = 5;

const share = (c: { nSuccess: number; nTrials: number }): Share => ({
	pct: Math.round((c.nSuccess / Math.max(1, c.nTrials)) * 100),
	count: c.nSuccess,
	n: c.nTrials
});
const enoughVotes = (c: { nTrials: number }) => c.nTrials >= MIN_VOTES_FOR_SHARE;

export async function buildMapView(
	db: ConversationsExecutor,
	conversationId: string,
	viewerParticipantId: number | null
): Promise<MapView | null> {
	const row = await getMap(db, conversationId);
	return row ? mapViewOf(db, row, conversationId, viewerParticipantId) : null;
}

/** The view of a map row already read (the report reads it once for the view and the results). */
export async function mapViewOf(
	db: ConversationsExecutor,
	row: { result: unknown; computed_at: Date | string },
	conversationId: string,
	viewerParticipantId: number | null
): Promise<MapView> {
	const r = row.result as MapResult;
	const statements = await db
		.selectFrom('conversation_statement')
		.select(['id', 'tid', 'body'])
		.where('conversation_id', '=', conversationId)
		.execute();
	const byTid = new Map(statements.map((s) => [String(s.tid), s]));
	const text = (tid: string) => {
		const s = byTid.get(tid);
		return { statementId: Number(s?.id ?? 0), tid: Number(tid), body: s?.body ?? '' };
	};

	// Scale all positions into a 0..100 box with a margin; keep the aspect ratio.
	const xs = r.participants.map((p) => p.x);
	const ys = r.participants.map((p) => p.y);
	const minX = Math.min(0, ...xs);
	const minY = Math.min(0, ...ys);
	const span = Math.max(1e-9, Math.max(...xs, 0) - minX, Math.max(...ys, 0) - minY);
	const sx = (x: number) => 5 + ((x - minX) / span) * 90;
	const sy = (y: number) => 5 + ((y - minY) / span) * 90;
	const mine = r.participants.find((p) => p.pid === String(viewerParticipantId));

	return {
		computedAt: new Date(row.computed_at).toISOString(),
		k: r.k,
		nParticipants: r.participants.length,
		minVotes: MIN_VOTES_FOR_SHARE,
		points: r.participants.map((p) => ({ x: sx(p.x), y: sy(p.y), g: p.group })),
		me: mine ? { x: sx(mine.x), y: sy(mine.y), g: mine.group } : null,
		groups: r.groups.map((g, i) => ({
			name: GROUP_NAMES[i] ?? String(i + 1),
			size: g.size,
			cx: sx(g.center[0]),
			cy: sy(g.center[1]),
			reps: (r.repness[i] ?? [])
				.filter(enoughVotes)
				.map((c) => ({ ...text(c.tid), label: c.label, ...share(c) }))
		})),
		consensus: {
			agree: r.consensus.agree.filter(enoughVotes).map((c) => ({ ...text(c.tid), ...share(c) })),
			disagree: r.consensus.disagree
				.filter(enoughVotes)
				.map((c) => ({ ...text(c.tid), ...share(c) }))
		}
	};
}
