/** Conversations' waiting work on the staff home: statements waiting for moderation. */
import type { WaitingWork } from '../core/modules';
import { hasRole, type SessionUser } from '../core/auth/roles';
import type { ConversationsExecutor } from './conversations.db';

export async function conversationsWaitingWork(
	db: ConversationsExecutor,
	user: SessionUser
): Promise<WaitingWork[]> {
	if (!hasRole(user, 'conversation_moderator')) return [];
	const r = await db
		.selectFrom('conversation_statement as s')
		.innerJoin('conversation as c', 'c.id', 's.conversation_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('s.status', '=', 'pending')
		.where('c.status', '=', 'open')
		.executeTakeFirstOrThrow();
	return [
		{ key: 'conversations.waiting.moderate', count: Number(r.n), href: '/staff/conversations' }
	];
}
