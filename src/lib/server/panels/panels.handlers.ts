/**
 * What the panels module handles of the pool's events: answers to an invitation for a panel
 * (its volunteers of the first recruitment stage), and erasures of pool members.
 */
import { defineHandler } from '../core/events';
import type { Tx } from '../core/db/database';
import type { PanelsTx } from './panels.db';
import { forgetPoolMember, recordPoolAnswer } from './panels.service';

const asPanels = (trx: Tx) => trx as unknown as PanelsTx;

export const poolAnswerRecorded = defineHandler({
	id: 'panels.pool-answer',
	event: 'pool.invitation_answered',
	async handle(trx, p) {
		await recordPoolAnswer(asPanels(trx), p);
	}
});

export const poolMemberErased = defineHandler({
	id: 'panels.pool-member-erased',
	event: 'pool.member_erased',
	async handle(trx, p) {
		await forgetPoolMember(asPanels(trx), p.memberId);
	}
});

export const PANELS_HANDLERS = [poolAnswerRecorded, poolMemberErased];
