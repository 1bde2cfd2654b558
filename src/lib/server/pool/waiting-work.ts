/** The pool's waiting work on the staff home: people invited to open invitations who have not answered. */
import { sql } from 'kysely';
import type { WaitingWork } from '../core/modules';
import { hasRole, type SessionUser } from '../core/auth/roles';
import type { PoolExecutor } from './pool.db';

export async function poolWaitingWork(db: PoolExecutor, user: SessionUser): Promise<WaitingWork[]> {
	if (!hasRole(user, 'pool_coordinator')) return [];
	const r = await db
		.selectFrom('pool_recipient as r')
		.innerJoin('pool_invitation as i', 'i.id', 'r.invitation_id')
		.select([
			sql<number>`count(*) filter (where r.answer is null)::int`.as('unanswered'),
			sql<number>`count(distinct i.id) filter (where r.answer is null)::int`.as('invitations'),
			sql<number>`count(*) filter (where r.answer is not null)::int`.as('replies')
		])
		.where('i.status', '=', 'open')
		.executeTakeFirstOrThrow();
	return [
		{ key: 'pool.waiting.awaiting', count: r.unanswered, href: '/staff/pool/invitations' },
		{ key: 'pool.waiting.replies', count: r.replies, href: '/staff/pool/invitations' }
	];
}
