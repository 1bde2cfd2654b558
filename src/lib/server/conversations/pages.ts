/** Shared loading for the public and staff conversation pages. */
import { error } from '@sveltejs/kit';
import type { ConversationsDb } from './conversations.db';
import { isUuid } from '$lib/ids';
import { getConversation, getMap, listFindings, participationByDay } from './conversations.queries';
import { mapViewOf } from './map-view';
import { contentLanguage } from './content-language';
import type { MapResult } from './opinion-map.port';
import { statementResults, type ResultOrder } from './statement-results';

export async function conversationOr404(db: ConversationsDb, id: string) {
	if (!isUuid(id)) error(404, 'not found');
	const c = await getConversation(db, id);
	if (!c) error(404, 'not found');
	return c;
}

export async function loadReport(
	db: ConversationsDb,
	conversation: { id: string; languages: string[] },
	viewer: number | null,
	order?: ResultOrder
) {
	const conversationId = conversation.id;
	// One read of the stored map serves both the map view and the per-group results.
	const stored = await getMap(db, conversationId);
	const map = stored ? await mapViewOf(db, stored, conversationId, viewer) : null;
	const results = await statementResults(
		db,
		conversationId,
		(stored?.result as MapResult | undefined) ?? null,
		order
	);
	const byDay = await participationByDay(db, conversationId);
	const findings = await listFindings(db, conversationId);
	const totals = await db
		.selectFrom('conversation_statement')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('conversation_id', '=', conversationId)
		.where('status', '<>', 'rejected')
		.executeTakeFirstOrThrow();
	const votes = await db
		.selectFrom('conversation_vote')
		.select((eb) => [
			eb.fn.countAll<number>().as('n'),
			eb.fn.count<number>('participant_id').distinct().as('p')
		])
		.where('conversation_id', '=', conversationId)
		.executeTakeFirstOrThrow();
	return {
		map,
		contentLang: contentLanguage(conversation?.languages),
		results,
		order: order ?? { sort: 'tid' as const, dir: 'asc' as const },
		byDay,
		findings: findings.map((f) => ({
			id: f.id,
			statementId: Number(f.statement_id),
			tid: f.tid,
			body: f.body,
			note: f.note
		})),
		totals: { statements: Number(totals.n), votes: Number(votes.n), participants: Number(votes.p) }
	};
}
