/**
 * The tracker's waiting work on the staff home: findings still waiting for an answer (received or
 * under consideration) — every one for coordinators, the user's own (theirs or their unit's) otherwise.
 */
import type { WaitingWork } from '../core/modules';
import type { SessionUser } from '../core/auth/roles';
import type { ImpactExecutor } from './impact.db';
import { listFindings } from './impact.queries';
import { isCoordinator } from './impact.service';

export async function impactWaitingWork(
	db: ImpactExecutor,
	user: SessionUser
): Promise<WaitingWork[]> {
	const coordinator = isCoordinator(user);
	const unitIds = user.roles.flatMap((g) => (g.role === 'staff' && g.unitId ? [g.unitId] : []));
	if (!coordinator && !unitIds.length && !user.roles.some((g) => g.role === 'staff')) return [];
	const rows = await listFindings(db, {
		waiting: true,
		mine: coordinator ? null : { userId: user.id, unitIds }
	});
	return [{ key: 'impact.waiting.findings', count: rows.length, href: '/staff/impact?waiting=1' }];
}
