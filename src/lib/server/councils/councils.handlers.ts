/**
 * What the councils take from other modules' events. A pool member who answers a council
 * invitation (pool.invitation_answered, activity type 'council', the body's id as activity id)
 * becomes a candidate the coordinator can seat. Idempotent: one candidate row per body and pool
 * member, updated with the latest answer. An erased pool member's candidate rows go with the
 * member (foreign key), and a seat keeps its own copy of the name without the pool link.
 */
import { defineHandler } from '../core/events';
import type { Tx } from '../core/db/database';
import type { CouncilsTx } from './councils.db';
import { COUNCIL_ACTIVITY } from './councils.types';

const asCouncils = (trx: Tx) => trx as unknown as CouncilsTx;

export const invitationAnswered = defineHandler({
	id: 'councils.pool-invitation-answered',
	event: 'pool.invitation_answered',
	async handle(trx, p) {
		if (p.activityType !== COUNCIL_ACTIVITY || !p.memberId || !/^\d{1,9}$/.test(p.activityId ?? ''))
			return;
		const tx = asCouncils(trx);
		const bodyId = Number(p.activityId);
		const [body, member] = await Promise.all([
			tx.selectFrom('council_body').select('id').where('id', '=', bodyId).executeTakeFirst(),
			tx.selectFrom('pool_member').select('id').where('id', '=', p.memberId).executeTakeFirst()
		]);
		if (!body || !member) return;
		await tx
			.insertInto('council_candidate')
			.values({
				body_id: bodyId,
				pool_member_id: p.memberId,
				invitation_id: p.invitationId,
				answer: p.answer
			})
			.onConflict((oc) =>
				oc.columns(['body_id', 'pool_member_id']).doUpdateSet({
					answer: p.answer,
					invitation_id: p.invitationId
				})
			)
			.execute();
	}
});

export const COUNCILS_HANDLERS = [invitationAnswered];
