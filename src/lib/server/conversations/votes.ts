/**
 * Vote intake. One SQL statement per vote: it checks that the conversation is open and the
 * statement votable, appends to the history (a repeated client id inserts nothing, so a retry is
 * stored once) and upserts the latest vote (a newer history row always wins). The answer is sent
 * only after the commit, so an acknowledged vote is durable.
 */
import { sql } from 'kysely';
import type { ConversationsExecutor } from './conversations.db';
import type { VoteError, VoteOutcome, VoteValue } from './conversations.types';

export interface CastVote {
	conversationId: string;
	participantId: number;
	tid: number;
	vote: VoteValue;
	clientId: string;
}

export async function castVote(db: ConversationsExecutor, v: CastVote): Promise<VoteOutcome> {
	const r = await sql<{ found: number; fresh: number }>`
		with s as (
			select st.id from conversation_statement st
			join conversation c on c.id = st.conversation_id
			where st.conversation_id = ${v.conversationId} and st.tid = ${v.tid} and c.status = 'open'
			  and (st.status = 'accepted' or (st.status = 'pending' and c.moderation = 'post'))
		), h as (
			insert into conversation_vote_history (conversation_id, participant_id, statement_id, vote, client_id)
			select ${v.conversationId}, ${v.participantId}, s.id, ${v.vote}, ${v.clientId} from s
			on conflict (participant_id, client_id) do nothing
			returning id, statement_id, vote
		), u as (
			insert into conversation_vote (participant_id, statement_id, conversation_id, vote, history_id)
			select ${v.participantId}, h.statement_id, ${v.conversationId}, h.vote, h.id from h
			on conflict (participant_id, statement_id) do update
			  set vote = excluded.vote, history_id = excluded.history_id, updated_at = now()
			  where conversation_vote.history_id < excluded.history_id
			returning 1
		)
		select (select count(*) from s)::int as found, (select count(*) from h)::int as fresh`.execute(db);
	const row = r.rows[0];
	if (row.found > 0) return { ok: true, duplicate: row.fresh === 0 };
	return { ok: false, error: await whyNot(db, v.conversationId) };
}

/** Slow path, only after a refusal: say why in terms the client can show. */
export async function whyNot(
	db: ConversationsExecutor,
	conversationId: string
): Promise<VoteError> {
	const c = await db
		.selectFrom('conversation')
		.select('status')
		.where('id', '=', conversationId)
		.executeTakeFirst();
	if (!c) return 'unknown_conversation';
	if (c.status !== 'open') return 'closed';
	return 'unknown_statement';
}

/**
 * Many votes in ONE statement (unnest): checks, history append (a repeated client id inserts
 * nothing) and latest-vote upsert (newest history row wins). Returns, per input index that was
 * votable, whether it was newly stored; indexes missing from the map were refused.
 */
export async function insertVotes(
	db: ConversationsExecutor,
	votes: CastVote[],
	opts: { allOrNone?: boolean } = {}
): Promise<Map<number, boolean>> {
	// All or none in one statement (no BEGIN/COMMIT round trips): nothing is inserted unless
	// every vote found its open conversation and votable statement.
	const guard = opts.allOrNone ? sql`where (select count(*) from s) = ${votes.length}` : sql``;
	const col = <T>(f: (v: CastVote) => T) => votes.map(f);
	const r = await sql<{ ord: number; fresh: boolean }>`
		with input as (
			select * from unnest(
				${col((v) => v.conversationId)}::uuid[], ${col((v) => v.participantId)}::bigint[],
				${col((v) => v.tid)}::int[], ${col((v) => v.vote)}::smallint[], ${col((v) => v.clientId)}::text[]
			) with ordinality as i(conversation_id, participant_id, tid, vote, client_id, ord)
		), s as (
			select i.*, st.id as statement_id from input i
			join conversation c on c.id = i.conversation_id and c.status = 'open'
			join conversation_statement st on st.conversation_id = i.conversation_id and st.tid = i.tid
			where st.status = 'accepted' or (st.status = 'pending' and c.moderation = 'post')
		), h as (
			insert into conversation_vote_history (conversation_id, participant_id, statement_id, vote, client_id)
			select conversation_id, participant_id, statement_id, vote, client_id from s ${guard} order by ord
			on conflict (participant_id, client_id) do nothing
			returning id, conversation_id, participant_id, statement_id, vote, client_id
		), u as (
			insert into conversation_vote (participant_id, statement_id, conversation_id, vote, history_id)
			select distinct on (participant_id, statement_id) participant_id, statement_id, conversation_id, vote, id
			from h order by participant_id, statement_id, id desc
			on conflict (participant_id, statement_id) do update
			  set vote = excluded.vote, history_id = excluded.history_id, updated_at = now()
			  where conversation_vote.history_id < excluded.history_id
			returning 1
		)
		select s.ord::int as ord, (h.id is not null) as fresh
		from s left join h on h.participant_id = s.participant_id and h.client_id = s.client_id`.execute(
		db
	);
	return new Map(r.rows.map((row) => [Number(row.ord) - 1, row.fresh]));
}

export class VoteRefused extends Error {
	constructor(
		readonly index: number,
		readonly reason: VoteError
	) {
		super(reason);
	}
}
