/** Kysely queries of the conversations module; the executor comes first, callers own transactions. */
import { sql } from 'kysely';
import type { ConversationsExecutor } from './conversations.db';
import type { StatementStatus } from './conversations.types';

export function getConversation(db: ConversationsExecutor, id: string) {
	return db.selectFrom('conversation').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listConversations(db: ConversationsExecutor, opts: { openOnly?: boolean } = {}) {
	let q = db
		.selectFrom('conversation as c')
		.select([
			'c.id',
			'c.topic',
			'c.description',
			'c.status',
			'c.languages',
			'c.created_at',
			'c.closed_at',
			(eb) =>
				eb
					.selectFrom('conversation_participant as p')
					.select(eb.fn.countAll<number>().as('n'))
					.whereRef('p.conversation_id', '=', 'c.id')
					.as('participants')
		]);
	if (opts.openOnly) q = q.where('c.status', '=', 'open');
	return q.orderBy('c.created_at', 'desc').execute();
}

/**
 * Locks the conversation row: statements get their tids one transaction at a time. Returns the
 * row as it is once locked (undefined if there is none), so callers check its state under the lock.
 */
export function lockForNewStatements(db: ConversationsExecutor, conversationId: string) {
	return db
		.selectFrom('conversation')
		.selectAll()
		.where('id', '=', conversationId)
		.forUpdate()
		.executeTakeFirst();
}

export async function nextTid(db: ConversationsExecutor, conversationId: string): Promise<number> {
	const row = await db
		.selectFrom('conversation_statement')
		.select((eb) => eb.fn.max<number | null>('tid').as('m'))
		.where('conversation_id', '=', conversationId)
		.executeTakeFirst();
	return row?.m == null ? 0 : row.m + 1;
}

export function listStatements(
	db: ConversationsExecutor,
	conversationId: string,
	status?: StatementStatus[]
) {
	let q = db
		.selectFrom('conversation_statement')
		.select(['id', 'tid', 'body', 'status', 'is_meta', 'is_seed', 'created_at'])
		.where('conversation_id', '=', conversationId);
	if (status) q = q.where('status', 'in', status);
	return q.orderBy('tid').execute();
}

/** Statements a participant may vote on: accepted ones, and pending ones under post-moderation. */
export function votableStatements(
	db: ConversationsExecutor,
	conversationId: string,
	moderation: string
) {
	return db
		.selectFrom('conversation_statement')
		.select(['id', 'tid', 'body', 'is_meta'])
		.where('conversation_id', '=', conversationId)
		.where((eb) =>
			moderation === 'post'
				? eb('status', 'in', ['accepted', 'pending'])
				: eb('status', '=', 'accepted')
		)
		.orderBy('tid')
		.execute();
}

export async function voteCountsByStatement(db: ConversationsExecutor, conversationId: string) {
	const rows = await db
		.selectFrom('conversation_vote')
		.select(['statement_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('conversation_id', '=', conversationId)
		.groupBy('statement_id')
		.execute();
	return new Map(rows.map((r) => [Number(r.statement_id), Number(r.n)]));
}

export async function votesOfParticipant(db: ConversationsExecutor, participantId: number) {
	const rows = await db
		.selectFrom('conversation_vote')
		.select(['statement_id', 'vote'])
		.where('participant_id', '=', participantId)
		.execute();
	return new Map(rows.map((r) => [Number(r.statement_id), r.vote]));
}

/** Latest votes of a conversation as (participant, tid, vote), in arrival order. */
export function conversationVotes(db: ConversationsExecutor, conversationId: string) {
	return db
		.selectFrom('conversation_vote as v')
		.innerJoin('conversation_statement as s', 's.id', 'v.statement_id')
		.select(['v.participant_id', 's.tid', 'v.vote', 'v.history_id', 'v.updated_at'])
		.where('v.conversation_id', '=', conversationId)
		.orderBy('v.history_id')
		.execute();
}

export function participantIds(db: ConversationsExecutor, conversationId: string) {
	return db
		.selectFrom('conversation_participant')
		.select('id')
		.where('conversation_id', '=', conversationId)
		.orderBy('id')
		.execute();
}

/** Votes and first-time voters per day: the report's participation over time. */
/** Votes and voters per Finnish calendar day (Europe/Helsinki, not the server's zone). */
export async function participationByDay(db: ConversationsExecutor, conversationId: string) {
	const r = await sql<{ day: string; votes: number; voters: number }>`
		select to_char(h.created_at at time zone 'Europe/Helsinki', 'YYYY-MM-DD') as day,
		       count(*)::int as votes, count(distinct h.participant_id)::int as voters
		from conversation_vote_history h
		where h.conversation_id = ${conversationId}
		group by 1 order by 1`.execute(db);
	return r.rows;
}

export function getMap(db: ConversationsExecutor, conversationId: string) {
	return db
		.selectFrom('conversation_map')
		.selectAll()
		.where('conversation_id', '=', conversationId)
		.executeTakeFirst();
}

export function listFindings(db: ConversationsExecutor, conversationId: string) {
	return db
		.selectFrom('conversation_finding as f')
		.innerJoin('conversation_statement as s', 's.id', 'f.statement_id')
		.select(['f.id', 'f.statement_id', 'f.note', 'f.created_at', 's.tid', 's.body'])
		.where('f.conversation_id', '=', conversationId)
		.orderBy('s.tid')
		.execute();
}

/**
 * Seam for the pool module and the account page: conversations a signed-in person took part in,
 * with their vote count (their own history; never shown to others).
 */
export function participationOfUser(db: ConversationsExecutor, userId: string) {
	return db
		.selectFrom('conversation_participant as p')
		.innerJoin('conversation as c', 'c.id', 'p.conversation_id')
		.select((eb) => [
			'c.id',
			'c.topic',
			'c.status',
			'p.created_at',
			eb
				.selectFrom('conversation_vote as v')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('v.participant_id', '=', 'p.id')
				.as('votes')
		])
		.where('p.app_user_id', '=', userId)
		.orderBy('p.created_at', 'desc')
		.execute();
}
