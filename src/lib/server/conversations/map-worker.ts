/**
 * Keeps each conversation's opinion map fresh: `recomputeDue` recomputes every conversation whose
 * votes or moderation changed since its stored map, at most once per `minIntervalMs`, warm-started
 * from the stored engine state. `startMapWorker` runs it on a timer inside the server process.
 * The engine itself runs in a worker thread by default (opinion-map.off-thread.ts), so the web
 * process's event loop only reads and writes the database.
 */
import { sql } from 'kysely';
import type { ConversationsDb, ConversationsExecutor } from './conversations.db';
import { computeOpinionMapOffThread } from './opinion-map.off-thread';
import type {
	ComputeOpinionMap,
	ComputeOpinionMapAsync,
	MapInput,
	MapState
} from './opinion-map.port';
import { inOrder } from './sequential';
import { conversationVotes, participantIds } from './conversations.queries';

export const MAP_MIN_INTERVAL_MS = 5_000;

interface DueRow {
	id: string;
	last_h: number | null;
	sv: string;
	m_last: number | null;
	m_sv: string | null;
	computed_at: Date | null;
}

export async function recomputeDue(
	db: ConversationsDb,
	opts: {
		minIntervalMs?: number;
		engine?: ComputeOpinionMap | ComputeOpinionMapAsync;
		now?: Date;
		onlyId?: string;
	} = {}
): Promise<string[]> {
	const minInterval = opts.minIntervalMs ?? MAP_MIN_INTERVAL_MS;
	const now = (opts.now ?? new Date()).getTime();
	const rows = await sql<DueRow>`
		select c.id,
		  (select max(h.id) from conversation_vote_history h where h.conversation_id = c.id) as last_h,
		  (select count(*) || ':' || coalesce(max(s.moderated_at)::text, '') from conversation_statement s
		    where s.conversation_id = c.id) as sv,
		  m.last_history_id as m_last, m.statements_version as m_sv, m.computed_at
		from conversation c left join conversation_map m on m.conversation_id = c.id
		where ${opts.onlyId ?? null}::uuid is null or c.id = ${opts.onlyId ?? null}::uuid`.execute(db);
	const done: string[] = [];
	for (const r of rows.rows) {
		const changed =
			r.m_sv === null || Number(r.last_h ?? 0) !== Number(r.m_last) || r.sv !== r.m_sv;
		if (!changed) continue;
		if (r.computed_at && now - new Date(r.computed_at).getTime() < minInterval) continue;
		await computeMapNow(db, r.id, opts.engine);
		done.push(r.id);
	}
	return done;
}

/** Recomputes one conversation now if its votes or moderation changed (exports use it). */
export async function ensureFreshMap(db: ConversationsDb, conversationId: string): Promise<void> {
	await recomputeDue(db, { minIntervalMs: 0, onlyId: conversationId });
}

/**
 * Builds the engine input from the database: participants by join order, comments by tid. Call it
 * inside one snapshot (`computeMapNow` does): read one after another without one, a participant
 * who joins and votes between the participant read and the vote read shows up as a vote of an
 * unknown participant, and the engine refuses the whole input.
 */
export async function loadMapInput(
	db: ConversationsExecutor,
	conversationId: string
): Promise<{ input: MapInput; lastHistoryId: number }> {
	const [statements, participants, votes, last] = await inOrder([
		() =>
			db
				.selectFrom('conversation_statement')
				.select(['tid', 'status', 'is_meta'])
				.where('conversation_id', '=', conversationId)
				.orderBy('tid')
				.execute(),
		() => participantIds(db, conversationId),
		() => conversationVotes(db, conversationId),
		() =>
			db
				.selectFrom('conversation_vote_history')
				.select((eb) => eb.fn.max<number | null>('id').as('m'))
				.where('conversation_id', '=', conversationId)
				.executeTakeFirst()
	]);
	const input: MapInput = {
		participants: participants.map((p) => String(p.id)),
		comments: statements.map((s) => String(s.tid)),
		votes: votes.map((v) => ({
			pid: String(v.participant_id),
			tid: String(v.tid),
			vote: v.vote as 1 | -1 | 0
		})),
		modOut: new Set(statements.filter((s) => s.status === 'rejected').map((s) => String(s.tid))),
		meta: new Set(statements.filter((s) => s.is_meta).map((s) => String(s.tid)))
	};
	return { input, lastHistoryId: Number(last?.m ?? 0) };
}

export async function computeMapNow(
	db: ConversationsDb,
	conversationId: string,
	engine: ComputeOpinionMap | ComputeOpinionMapAsync = computeOpinionMapOffThread
): Promise<void> {
	// One repeatable-read snapshot for every read: statements, participants, votes, the last
	// history id and the version all describe the same moment while votes keep arriving.
	const { prev, input, lastHistoryId, sv } = await db
		.transaction()
		.setIsolationLevel('repeatable read')
		.setAccessMode('read only')
		.execute(async (trx) => {
			const prev = await trx
				.selectFrom('conversation_map')
				.select('state')
				.where('conversation_id', '=', conversationId)
				.executeTakeFirst();
			const { input, lastHistoryId } = await loadMapInput(trx, conversationId);
			// The version string is read back from SQL so both sides format timestamps identically.
			const sv = await sql<{ sv: string }>`
				select count(*) || ':' || coalesce(max(s.moderated_at)::text, '') as sv
				from conversation_statement s where s.conversation_id = ${conversationId}`.execute(trx);
			return { prev, input, lastHistoryId, sv };
		});
	const { result, state } = await engine(input, (prev?.state as MapState) ?? null);
	const values = {
		conversation_id: conversationId,
		last_history_id: lastHistoryId,
		statements_version: sv.rows[0].sv,
		result: JSON.stringify(result),
		state: JSON.stringify(state),
		computed_at: new Date()
	};
	await db
		.insertInto('conversation_map')
		.values(values)
		.onConflict((oc) => oc.column('conversation_id').doUpdateSet(values))
		.execute();
}

export interface MapWorkerHandle {
	stop(): Promise<void>;
}

/** Polls every `pollMs`; one pass at a time; a failing conversation is logged by id only. */
export function startMapWorker(db: ConversationsDb, pollMs = 2_000): MapWorkerHandle {
	let running: Promise<unknown> | null = null;
	const timer = setInterval(() => {
		if (running) return;
		running = recomputeDue(db)
			.catch((e) => console.error('opinion map worker:', e instanceof Error ? e.message : e))
			.finally(() => (running = null));
	}, pollMs);
	timer.unref();
	return {
		async stop() {
			clearInterval(timer);
			await running;
		}
	};
}
