/**
 * Turns a stored engine result into what the map and report pages show: statement texts instead
 * of ids, percentages, group letters, and points scaled to a 0..100 box. No participant ids leave
 * the server except the viewer's own position.
 */
import type { Executor } from '../core/db/database';
import { getMap } from './conversations.queries';
import type { MapResult } from './opinion-map.port';

export const GROUP_NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

export interface MapView {
	computedAt: string;
	k: number;
	nParticipants: number;
	points: Array<{ x: number; y: number; g: number | null }>;
	me: { x: number; y: number; g: number | null } | null;
	groups: Array<{
		name: string;
		size: number;
		cx: number;
		cy: number;
		reps: Array<{
			statementId: number;
			tid: number;
			body: string;
			label: 'agree' | 'disagree';
			pct: number;
		}>;
	}>;
	consensus: {
		agree: Array<{ statementId: number; tid: number; body: string; pct: number }>;
		disagree: Array<{ statementId: number; tid: number; body: string; pct: number }>;
	};
}

const pct = (p: number) => Math.round(p * 100);

export async function buildMapView(
	db: Executor,
	conversationId: string,
	viewerParticipantId: number | null
): Promise<MapView | null> {
	const row = await getMap(db, conversationId);
	if (!row) return null;
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
		points: r.participants.map((p) => ({ x: sx(p.x), y: sy(p.y), g: p.group })),
		me: mine ? { x: sx(mine.x), y: sy(mine.y), g: mine.group } : null,
		groups: r.groups.map((g, i) => ({
			name: GROUP_NAMES[i] ?? String(i + 1),
			size: g.size,
			cx: sx(g.center[0]),
			cy: sy(g.center[1]),
			reps: (r.repness[i] ?? []).map((c) => ({
				...text(c.tid),
				label: c.label,
				pct: pct(c.nSuccess / Math.max(1, c.nTrials))
			}))
		})),
		consensus: {
			agree: r.consensus.agree.map((c) => ({
				...text(c.tid),
				pct: pct(c.nSuccess / Math.max(1, c.nTrials))
			})),
			disagree: r.consensus.disagree.map((c) => ({
				...text(c.tid),
				pct: pct(c.nSuccess / Math.max(1, c.nTrials))
			}))
		}
	};
}
