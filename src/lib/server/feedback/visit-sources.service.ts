/**
 * Visit sources (the patient and client systems that report visits): the admin adds one and is
 * shown its token once; only the token's SHA-256 is stored. Every change writes an audit row in
 * its transaction.
 */
import type { FeedbackDb } from './feedback.db';
import { generateToken, tokenId } from '../core/auth/tokens';
import { recordAudit } from '../core/audit';

export type SourceResult =
	{ ok: true; id: number; token: string } | { ok: false; field: 'code'; message: string };

export async function createVisitSource(
	db: FeedbackDb,
	actorUserId: string,
	input: { code: string; name: string },
	token = generateToken()
): Promise<SourceResult> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('feedback_visit_source')
			.values({ code: input.code, name: input.name, token_hash: tokenId(token) })
			.onConflict((oc) => oc.column('code').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!row)
			return {
				ok: false as const,
				field: 'code' as const,
				message: 'feedback.visits.errors.sourceTaken'
			};
		await recordAudit(trx, {
			actorUserId,
			action: 'feedback.visit_source.create',
			entityType: 'feedback_visit_source',
			entityId: row.id,
			details: { code: input.code }
		});
		return { ok: true as const, id: row.id, token };
	});
}

/** A new token for the source (the old one stops working at once). */
export async function rotateVisitSourceToken(
	db: FeedbackDb,
	actorUserId: string,
	sourceId: number,
	token = generateToken()
): Promise<string | null> {
	return db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('feedback_visit_source')
			.set({ token_hash: tokenId(token) })
			.where('id', '=', sourceId)
			.returning('id')
			.executeTakeFirst();
		if (!r) return null;
		await recordAudit(trx, {
			actorUserId,
			action: 'feedback.visit_source.rotate',
			entityType: 'feedback_visit_source',
			entityId: sourceId
		});
		return token;
	});
}
